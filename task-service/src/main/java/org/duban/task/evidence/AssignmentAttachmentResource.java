package org.duban.task.evidence;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

@Path("/api/assignments/{id}/attachments")
@Tag(name = "Evidence", description = "Files (佐证材料) that progress reports, submissions and milestones cite")
public class AssignmentAttachmentResource {

    private final Evidence evidence;
    private final EvidenceConfig config;

    AssignmentAttachmentResource(Evidence evidence, EvidenceConfig config) {
        this.evidence = evidence;
        this.config = config;
    }

    /** The form OpenAPI shows for an upload. */
    @Schema(name = "AttachmentUpload")
    public record UploadForm(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
            description = "The file: pdf, ofd, doc, docx, xls, xlsx, jpg, png or zip, as its content shows") String file) {
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadAttachment", summary = "Add an evidence file to an assignment (its own unit while the work is open; admin)",
            description = "multipart/form-data with one part `file`. The type is read from the content, not the name: pdf, ofd, "
                    + "doc/docx, xls/xlsx, jpg/png and zip are taken; anything else, such as a renamed program, answers 415. "
                    + "Larger than duban.evidence.max-size (50 MB by default): 413, and nothing is stored. The answer names the "
                    + "SHA-256 of what arrived. Cite the file's id in attachmentIds of a progress report, a transition or a "
                    + "milestone completion.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = UploadForm.class)))
    @APIResponse(responseCode = "201", description = "Stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "413", description = "Larger than the limit; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not one of the allowed types, by its content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(@PathParam("id") long id, @HeaderParam("Content-Type") String contentType, InputStream body,
                           @Context UriInfo uri) throws IOException {
        evidence.requireUploader(id); // before a byte of the body is read
        long limit = config.maxSize().asLongValue();
        UploadSpool.Received received;
        try {
            received = UploadSpool.receive(body, contentType, limit, spoolDirectory());
        } catch (UploadSpool.TooLarge e) {
            Problem problem = new ProblemException(413, "too-large", "Content too large",
                    "The file is larger than the " + limit + " bytes accepted; nothing was stored").problem().withInstance(uri.getRequestUri().getPath());
            return Response.status(413).type(Problem.MEDIA_TYPE).header("Connection", "close").entity(problem).build();
        } catch (UploadSpool.Malformed e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        try {
            EvidenceType type;
            try {
                type = ContentSniffer.sniff(received.file());
            } catch (ContentSniffer.Refused refused) {
                throw new ProblemException(415, "unsupported-file", "Unsupported media type", "The file is " + refused.what()
                        + "; evidence can be " + EvidenceType.allowed() + " (the content decides, not the name)");
            }
            AttachmentView stored = AttachmentView.of(evidence.store(id, received.fileName(), received, type));
            return Response.created(uri.getBaseUriBuilder().path("api/attachments/{id}/content").build(stored.id())).entity(stored).build();
        } finally {
            Files.deleteIfExists(received.file());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAttachments", summary = "The evidence files of an assignment, oldest first (whoever may read it)")
    public List<AttachmentView> list(@PathParam("id") long id) {
        return evidence.list(id).stream().map(AttachmentView::of).toList();
    }

    private java.nio.file.Path spoolDirectory() {
        return config.spoolDirectory().orElse(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "duban-evidence"));
    }
}
