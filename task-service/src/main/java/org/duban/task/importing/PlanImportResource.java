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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
@APIResponse(responseCode = "201", description = "Imported; Location names the plan",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanImportResponse.class)))
@APIResponse(responseCode = "200", description = "dryRun=true: what the import would store, with every task and the "
        + "assignments it would get; nothing was stored or published",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanImportPreview.class),
                examples = @ExampleObject(name = "task 4 of the Anhui 2022 plan (shortened)", value = PlanImportResource.EXAMPLE_PREVIEW)))
@APIResponse(responseCode = "400", description = "An invalid parameter (issuedOn, documentNumber, dryRun)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "A plan with this document number was already imported (a dry run says "
        + "documentNumberTaken instead)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "The document could not be read as a plan; errors names the lines",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "unit-service cannot resolve the responsibility texts; nothing was stored",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlanImportResource {

    private static final String DRY_RUN = "true: read and resolve the document as the import does, answer 200 with what "
            + "would be stored (PlanImportPreview), store nothing";

    static final String EXAMPLE_PREVIEW = """
            {"plan": {"title": "安徽省2022年政务公开重点工作任务分工", "documentNumber": "皖政务办〔2022〕3号",
                      "issuer": "安徽省政务公开办公室", "issuedOn": "2022-06-06", "year": 2022, "timeZone": "Asia/Shanghai"},
             "categories": 6, "tasks": 44, "assignments": 4786,
             "reviewNeeded": [{"taskNumber": 4, "kind": "VAGUE_GROUP", "text": "省政府各有关部门"}],
             "unresolved": [],
             "documentNumberTaken": false,
             "taskPreviews": [{"number": 4,
                "category": {"ordinal": 1, "title": "加强经济领域信息公开，全力营造平稳健康的经济环境。"},
                "subcategory": {"ordinal": 2, "title": "加强涉及市场主体的信息公开。"},
                "requirement": "建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制……",
                "responsibilityText": "省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实",
                "deadline": {"kind": "FIXED", "dueDate": "2022-12-31", "text": "年底前", "reviewNeeded": false},
                "assignments": [
                  {"unitCode": "ah-fgw", "unitName": "安徽省发展和改革委员会", "role": "LEAD", "dueDate": "2022-12-31", "reviewNeeded": false},
                  {"unitCode": "ah-zjt", "unitName": "安徽省住房和城乡建设厅", "role": "LEAD", "dueDate": "2022-12-31", "reviewNeeded": false},
                  {"unitCode": "gov-340100", "unitName": "合肥市人民政府", "groupCode": "cities", "role": "RESPONSIBLE",
                   "dueDate": "2022-12-31", "reviewNeeded": false},
                  {"unitName": "省政府各有关部门", "groupCode": "provincial-related-departments", "role": "RESPONSIBLE",
                   "dueDate": "2022-12-31", "reviewNeeded": true}]}]}""";

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
    // the other methods of this path and verb are the same operation (SmallRye merges them): named once
    @Operation(operationId = "importPlan", summary = "Import a plan from its text (admin)",
            description = "The plan as extracted text (tab-separated table). Answers 201 with what was created and what needs "
                    + "review; 409 when the document number exists; 413 when the document, its tasks or its assignments "
                    + "exceed the configured limits (duban.import.*); 422 naming the lines that could not be read; "
                    + "503 when unit-service cannot resolve the responsibility texts. All or nothing. With dryRun=true the "
                    + "document is read and resolved exactly as for the import, and the answer (200) shows what would be "
                    + "stored — every task, its deadline and its assignments — while nothing is stored or published.")
    public Response importText(InputStream body, @jakarta.ws.rs.BeanParam MetadataOverrides overrides,
                               @QueryParam("dryRun") @Parameter(description = DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN))
                               String dryRun,
                               @HeaderParam("Authorization") String authorization, @Context UriInfo uri) {
        boolean preview = dryRun(dryRun);
        return answer(read(() -> new PlanTextReader().read(limits.bounded(body))), overrides, preview, authorization, uri);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a plan from an uploaded .txt, .docx or .xlsx file (admin); form part 'file'")
    public Response importFile(@RestForm("file") FileUpload file, @jakarta.ws.rs.BeanParam MetadataOverrides overrides,
                               @QueryParam("dryRun") @Parameter(description = DRY_RUN, schema = @Schema(type = SchemaType.BOOLEAN))
                               String dryRun,
                               @HeaderParam("Authorization") String authorization, @Context UriInfo uri) throws IOException {
        boolean preview = dryRun(dryRun);
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
            return answer(source, overrides, preview, authorization, uri);
        }
    }

    private Response answer(PlanSource source, MetadataOverrides overrides, boolean dryRun, String authorization, UriInfo uri) {
        ParsedPlan parsed = new PlanAssembler().assemble(source);
        parsed = new ParsedPlan(apply(parsed.metadata(), overrides), parsed.tasks(), parsed.problems());
        if (dryRun) {
            return Response.ok(PlanImportPreview.of(imports.preview(parsed, authorization))).build();
        }
        PlanImportService.Result result = imports.importPlan(parsed, authorization, user.username());
        PlanImportResponse body = new PlanImportResponse(PlanView.of(result.plan()), result.categories(), result.tasks(),
                result.assignments(), result.reviewNeeded(), result.unresolved());
        return Response.created(uri.getBaseUriBuilder().path("api/plans/{id}").build(result.plan().id)).entity(body).build();
    }

    /** Only true or false: a misspelt dry run must not import for real. */
    private static boolean dryRun(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.validation(List.of(new Problem.FieldError("dryRun", "must be true or false")));
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
