package org.duban.reminder.calendar;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.TextBodies;
import org.duban.platform.api.Versions;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.file.Files;

/** The holiday schedules the reminders' working days come from. */
@Path("/api/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working-day calendar", description = "China's public holidays and 调休 working days per State Council notice year; "
        + "reads for every signed-in role, writes for admin. A year not loaded follows Monday–Friday.")
public class CalendarResource {

    private static final String YEAR_EXAMPLE = """
            {"year": 2026, "covered": true, "source": "SHIPPED", "loadedAt": "2026-11-26T09:30:00Z",
             "loadedBy": "duban (bundled china-holidays.csv)", "revision": 7,
             "days": [{"date": "2026-01-01", "kind": "OFF", "name": "元旦"},
                      {"date": "2026-01-04", "kind": "WORK", "name": "元旦"}]}""";
    private static final String PUT_EXAMPLE = """
            {"days": [{"date": "2027-01-01", "kind": "OFF", "name": "元旦"},
                      {"date": "2027-01-02", "kind": "OFF", "name": "元旦"},
                      {"date": "2027-01-03", "kind": "OFF", "name": "元旦"},
                      {"date": "2027-02-20", "kind": "WORK", "name": "春节"}]}""";
    private static final String PUT_INVALID = """
            {"type": "urn:duban:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "days[3].date: 2027-10-13 is a Wednesday, a working day anyway; WORK is for a weekend day made a working day (调休)",
             "instance": "/api/calendar/2027",
             "errors": [{"field": "days[3].date", "message": "2027-10-13 is a Wednesday, a working day anyway; WORK is for a weekend day made a working day (调休)"}]}""";
    private static final String CSV_EXAMPLE = """
            date,kind,holiday,scheduleYear
            2027-01-01,OFF,元旦,2027
            2027-01-02,OFF,元旦,2027
            2027-01-03,OFF,元旦,2027
            """;
    private static final String IMPORT_INVALID = """
            {"type": "urn:duban:problem:calendar-import", "title": "Unprocessable content", "status": 422,
             "detail": "1 problem(s) in the file; nothing was imported", "instance": "/api/calendar/import",
             "errors": [{"field": "line 3: kind", "message": "must be OFF or WORK; got 'HOLIDAY'"}]}""";

    private final CalendarService service;
    private final CurrentUser user;

    CalendarResource(CalendarService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Operation(operationId = "getCalendarOverview", summary = "Which notice years are loaded",
            description = "missing lists this year and next year (Asia/Shanghai) when their schedule is not loaded: "
                    + "reminders then assume Monday–Friday for them.")
    @APIResponse(responseCode = "200", description = "The loaded years", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarOverview.class), examples = @ExampleObject(name = "2027 missing", value = """
            {"thisYear": 2026, "coveredYears": [2020, 2021, 2022, 2023, 2024, 2025, 2026], "missing": [2027],
             "years": [{"year": 2026, "source": "SHIPPED", "loadedAt": "2026-11-26T09:30:00Z",
                        "loadedBy": "duban (bundled china-holidays.csv)", "days": 39, "revision": 7}]}""")))
    public CalendarOverview overview() {
        return service.overview();
    }

    @GET
    @Path("{year: \\d+}")
    @Operation(operationId = "getCalendarYear", summary = "The dates one notice year sets",
            description = "Every date of the notice that differs from Monday–Friday, in date order; a 元旦 run can reach into "
                    + "the December before (2022-12-31 belongs to 2023). covered=false and no days for a year not loaded. "
                    + "The ETag is the year's revision, for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The notice year", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarYearView.class), examples = @ExampleObject(name = "2026", value = YEAR_EXAMPLE)))
    public Response year(@PathParam("year") @Parameter(description = "The notice year", example = "2026") int year) {
        CalendarYearView view = service.year(year);
        Response.ResponseBuilder response = Response.ok(view);
        if (view.revision() != null) {
            response.tag(Versions.etag(view.revision()));
        }
        return response.build();
    }

    @PUT
    @Path("{year: \\d+}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putCalendarYear", summary = "Load or replace one notice year (admin)",
            description = "The body is the whole schedule of the notice: every date that differs from Monday–Friday. "
                    + "Dates from December 1 of the year before to January 31 of the year after; kind OFF (a holiday, or a "
                    + "weekend day inside a holiday run) or WORK (a weekend day made a working day); no date twice, and none "
                    + "another notice year sets. An OFF on a weekend outside a run, or a WORK on a weekday other than the first "
                    + "day back after a run, would change nothing and is refused as a likely typo. Replacing a loaded year "
                    + "needs If-Match with its ETag. Reminders use the new dates at once.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarYearRequest.class), examples = @ExampleObject(name = "2027 (part)", value = PUT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "201", description = "Loaded for the first time", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates, each named by its place in days",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "a WORK on a weekday", value = PUT_INVALID)))
    @APIResponse(responseCode = "412", description = "If-Match names an older revision of the year")
    @APIResponse(responseCode = "428", description = "The year is loaded and If-Match is missing")
    public Response replace(@PathParam("year") @Parameter(description = "The notice year", example = "2027") int year,
                            @HeaderParam("If-Match") @Parameter(description = "The ETag read, when the year is loaded already",
                                    example = "\"7\"") String ifMatch,
                            CalendarYearRequest request) {
        CalendarService.Replaced replaced = service.replaceYear(year, request == null ? null : request.days(), ifMatch,
                user.username());
        return Response.status(replaced.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(replaced.year()).tag(Versions.etag(replaced.year().revision())).build();
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    // the other methods of this path and verb are the same operation (SmallRye merges them): named once
    @Operation(operationId = "importCalendar", summary = "Import notice years from CSV (admin)",
            description = "The format of the bundled china-holidays.csv: header date,kind,holiday,scheduleYear, one line per "
                    + "date. Each notice year in the file replaces the stored one; years not in the file stay. All or nothing: "
                    + "every problem is reported with its line (422). UTF-8 unless the Content-Type names a charset; GBK from "
                    + "Excel is recognised. dryRun=true reports what would change and stores nothing.")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "2027 元旦", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What was done to each notice year of the file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarImportReport.class),
                    examples = @ExampleObject(name = "2027 loaded", value = """
                            {"dryRun": false, "years": [{"year": 2027, "days": 3, "action": "CREATED"}]}""")))
    @APIResponse(responseCode = "422", description = "Problems, each with its line; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "a wrong kind", value = IMPORT_INVALID)))
    public CalendarImportReport importCsv(byte[] body, @HeaderParam("Content-Type") String contentType,
                                          @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        String charset = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get("charset");
        return service.importCsv(TextBodies.decode(body, charset), dryRun, user.username());
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import notice years from an uploaded .csv file (admin); form part 'file'",
            description = "As the text/csv import.")
    public CalendarImportReport importFile(@RestForm("file") FileUpload file,
                                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) throws IOException {
        if (file == null) {
            throw ProblemException.badRequest("The form needs a part named 'file' with a .csv file");
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase();
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            throw new ProblemException(415, "unsupported-file", "Unsupported media type",
                    "Only .csv files can be imported; got '" + file.fileName() + "'");
        }
        return service.importCsv(TextBodies.decode(Files.readAllBytes(file.uploadedFile()), file.charSet()), dryRun,
                user.username());
    }
}
