package org.duban.task.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.task.plan.PlanView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/plans/import")
@Tag(name = "Plans", description = "Plans (任务分工), their tasks and the units' assignments")
public class PlanImportResource {

    private final PlanImportService imports;
    private final CurrentUser user;
    private final PlanLimits limits;

    PlanImportResource(PlanImportService imports, CurrentUser user, PlanLimits limits) {
        this.imports = imports;
        this.user = user;
        this.limits = limits;
    }

    /** Metadata the office may give when the document lacks it (an .xlsx without the notice, say). */
    public static class MetadataOverrides {
        @QueryParam("title") @Parameter(description = "Overrides the plan title read from the document") public String title;
        @QueryParam("documentNumber") @Parameter(example = "皖政务办〔2022〕3号") public String documentNumber;
        @QueryParam("issuer") @Parameter(example = "安徽省政务公开办公室") public String issuer;
        @QueryParam("issuedOn") @Parameter(example = "2022-06-06") public String issuedOn;
        @QueryParam("year") @Parameter(example = "2022") public Integer year;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a plan from its text (admin)",
            description = "The plan as extracted text (tab-separated table). Answers 201 with what was created and what needs "
                    + "review; 409 when the document number exists; 413 when the document, its tasks or its assignments "
                    + "exceed the configured limits (duban.import.*); 422 naming the lines that could not be read; "
                    + "503 when unit-service cannot resolve the responsibility texts. All or nothing.")
    public Response importText(InputStream body, @jakarta.ws.rs.BeanParam MetadataOverrides overrides,
                               @HeaderParam("Authorization") String authorization, @Context UriInfo uri) {
        return answer(read(() -> new PlanTextReader().read(limits.bounded(body))), overrides, authorization, uri);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a plan from an uploaded .txt, .docx or .xlsx file (admin); form part 'file'")
    public Response importFile(@RestForm("file") FileUpload file, @jakarta.ws.rs.BeanParam MetadataOverrides overrides,
                               @HeaderParam("Authorization") String authorization, @Context UriInfo uri) throws IOException {
        if (file == null) {
            throw ProblemException.badRequest("The form needs a part named 'file' with a .txt, .docx or .xlsx plan");
        }
        limits.checkDocument(file.size());
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase();
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            PlanSource source;
            if (name.endsWith(".txt")) {
                source = read(() -> new PlanTextReader().read(in));
            } else if (name.endsWith(".docx")) {
                source = read(() -> new PlanDocxReader().read(in));
            } else if (name.endsWith(".xlsx")) {
                source = read(() -> new PlanXlsxReader().read(in));
            } else {
                throw new ProblemException(415, "unsupported-file", "Unsupported media type",
                        "A plan can be imported from .txt, .docx or .xlsx; got '" + file.fileName() + "'");
            }
            return answer(source, overrides, authorization, uri);
        }
    }

    private Response answer(PlanSource source, MetadataOverrides overrides, String authorization, UriInfo uri) {
        ParsedPlan parsed = new PlanAssembler().assemble(source);
        parsed = new ParsedPlan(apply(parsed.metadata(), overrides), parsed.tasks(), parsed.problems());
        PlanImportService.Result result = imports.importPlan(parsed, authorization, user.username());
        PlanImportResponse body = new PlanImportResponse(PlanView.of(result.plan()), result.categories(), result.tasks(),
                result.assignments(), result.reviewNeeded(), result.unresolved());
        return Response.created(uri.getBaseUriBuilder().path("api/plans/{id}").build(result.plan().id)).entity(body).build();
    }

    private static PlanMetadata apply(PlanMetadata read, MetadataOverrides o) {
        LocalDate issuedOn = read.issuedOn();
        if (o.issuedOn != null) {
            try {
                issuedOn = LocalDate.parse(o.issuedOn);
            } catch (DateTimeParseException e) {
                throw ProblemException.validation(List.of(new Problem.FieldError("issuedOn", "must be a date like 2022-06-06")));
            }
        }
        if (o.documentNumber != null && !o.documentNumber.matches(".*〔\\d{4}〕.*")) {
            throw ProblemException.validation(List.of(new Problem.FieldError("documentNumber",
                    "must carry the year in 〔〕, e.g. 皖政务办〔2022〕3号")));
        }
        return new PlanMetadata(o.title != null ? o.title : read.title(),
                o.documentNumber != null ? o.documentNumber : read.documentNumber(),
                o.issuer != null ? o.issuer : read.issuer(), issuedOn,
                o.year != null ? o.year : read.year());
    }

    private interface Reading {
        PlanSource read() throws IOException;
    }

    private static PlanSource read(Reading reading) {
        try {
            return reading.read();
        } catch (UnreadablePlanException | IOException e) {
            throw ProblemException.unprocessable("unreadable-document", "The file cannot be read: " + e.getMessage(), null);
        }
    }
}
