package org.duban.task.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.file.Files;

@Path("/api/attachments")
@Tag(name = "Evidence", description = "Files (佐证材料) that progress reports, submissions and milestones cite")
public class AttachmentResource {

    private final Evidence evidence;

    AttachmentResource(Evidence evidence) {
        this.evidence = evidence;
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadAttachment", summary = "The content of an evidence file (whoever may read its assignment)",
            description = "Streamed, with the stored Content-Type, Content-Length, and Content-Disposition naming the file "
                    + "(filename* in UTF-8 for Chinese names). ETag is the SHA-256.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") long id) {
        Evidence.Download download = evidence.download(id);
        Attachment a = download.attachment();
        StreamingOutput content = out -> {
            try (InputStream in = download.open()) {
                in.transferTo(out);
            }
        };
        return Response.ok(content, a.contentType)
                .header("Content-Length", a.size)
                .header("Content-Disposition", FileNames.contentDisposition(a.fileName, "attachment-" + a.id + extension(a.fileName)))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-cache")
                .tag(a.sha256)
                .build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "deleteAttachment", summary = "Remove an evidence file (the uploader's unit, or admin)",
            description = "Only while nothing cites it: a file a progress report, a status change or a milestone names is part "
                    + "of the record and stays (409).")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") long id) {
        evidence.delete(id);
        return Response.noContent().build();
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot);
        return ext.matches("\\.[A-Za-z0-9]{1,8}") ? ext : "";
    }
}
