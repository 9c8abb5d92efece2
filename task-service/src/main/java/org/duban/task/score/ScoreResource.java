package org.duban.task.score;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.task.plan.Plan;
import org.duban.task.plan.PlanCalendar;
import org.duban.task.plan.PlanQueries;
import org.duban.task.plan.UnitPlace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Scores, bulletins and the annual-report section of a plan (考核、通报、年报). */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "考核、通报、年报: unit scores and ranks as of any day, the 督查通报, the annual-report section")
public class ScoreResource {

    private final PlanQueries plans;
    private final ScorecardService scorecards;
    private final ScoringService scoring;
    private final BulletinService bulletins;
    private final AnnualReportService reports;
    private final PlanCalendar calendar;
    private final CurrentUser user;

    ScoreResource(PlanQueries plans, ScorecardService scorecards, ScoringService scoring, BulletinService bulletins,
                  AnnualReportService reports, PlanCalendar calendar, CurrentUser user) {
        this.plans = plans;
        this.scorecards = scorecards;
        this.scoring = scoring;
        this.bulletins = bulletins;
        this.reports = reports;
        this.calendar = calendar;
        this.user = user;
    }

    @GET
    @Path("{id}/scorecard")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR, Roles.UNIT})
    @Operation(operationId = "getScorecard", summary = "Each unit's score (0–100) and rank as of a day (考核排名)",
            description = "From the assignments' history as it stood at the end of asOf (default today, plan time zone): the "
                    + "same day gives the same numbers, whatever happened later. Per unit: assignments, completed, completed on "
                    + "time, overdue, overdue days, signed for on time, reports on time, the score from the plan's weights "
                    + "(GET /api/plans/{id}/scoring) and the rank among the units listed; level ranks one level only (cities "
                    + "among cities), category counts one of the plan's categories (一、二、…). unit narrows the answer to one "
                    + "unit's line (ranked among the others all the same) with its findings: the assignments that cost it "
                    + "points, and why. A unit user gets its own line with findings only (unit may be left out); the office, "
                    + "viewers and integrators every unit's.")
    @APIResponse(responseCode = "200", description = "The scorecard", content = @Content(schema = @Schema(implementation = Scorecard.class),
            examples = @ExampleObject(name = "cities", value = SCORECARD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "asOf not a date or after today, level or category unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A unit user asking for another unit")
    @APIResponse(responseCode = "404", description = "No such plan")
    public Scorecard scorecard(@PathParam("id") long id,
                               @QueryParam("asOf") @Parameter(description = "The day (default today)", example = "2022-09-30") String asOf,
                               @QueryParam("level") @Parameter(schema = @Schema(enumeration = {"PROVINCE", "CITY", "COUNTY"})) String level,
                               @QueryParam("category") @Parameter(description = "A category's ordinal (一 = 1)", example = "6") String category,
                               @QueryParam("unit") @Parameter(description = "One unit's line with its findings", example = "gov-340100")
                               String unit) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate day = asOf(asOf, errors);
        UnitPlace.Level unitLevel = level(level, errors);
        Integer ordinal = positive("category", category, errors);
        if (unit != null && unit.isBlank()) {
            errors.add(new Problem.FieldError("unit", "must be a unit code such as gov-340100"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Plan plan = plans.plan(id);
        if (ordinal != null && scorecards.categories(plan).stream().noneMatch(c -> c.ordinal() == ordinal)) {
            throw ProblemException.validation(List.of(new Problem.FieldError("category", "the plan has no category " + ordinal
                    + " (categories: " + scorecards.categories(plan).stream().map(c -> Integer.toString(c.ordinal())).toList() + ")")));
        }
        String scope = unit;
        if (!user.readsAll()) { // a unit user: its own line
            String own = user.unitCode().orElseThrow(() -> CurrentUser.forbidden("This token names no unit"));
            if (unit != null && !unit.equals(own)) {
                throw CurrentUser.forbidden("A unit sees its own score only (本单位只能查看本单位的考核情况)");
            }
            scope = own;
        }
        return scorecards.scorecard(plan, new ScorecardService.Request(day, unitLevel, ordinal, scope));
    }

    @GET
    @Path("{id}/scoring")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR})
    @Operation(operationId = "getScoring", summary = "The plan's scoring settings: weights and rules (admin, viewer, integrator)",
            description = "The office's settings, or the defaults (defaults: true, version 0) until it sets its own. ETag: the version.")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = ScoringSettings.class),
            examples = @ExampleObject(name = "defaults", value = SCORING_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public Response getScoring(@PathParam("id") long id) {
        ScoringSettings settings = scoring.settings(plans.plan(id));
        return Response.ok(settings).tag(Versions.etag(settings.version())).build();
    }

    @PUT
    @Path("{id}/scoring")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateScoring", summary = "Set the plan's scoring settings (admin, If-Match)",
            description = "Replaces the settings: weights (completion, overdue, acknowledge, reports: whole numbers from 0, adding "
                    + "up to 100) and, each defaulting when left out, acknowledgeWithinDays (1–30 working days), overdueDaysCap "
                    + "(1–366), reportEveryMonths (1, 2, 3, 6, 12), reportScope (ALL, ONGOING) and the bulletin's issuer, "
                    + "number prefix and addressees. If-Match names the version read (the defaults are \"0\"). Scorecards, "
                    + "bulletins and reports of any day are counted with the settings in force when they are asked for.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ScoringRequest.class),
            examples = @ExampleObject(name = "completion first", value = "{\"weights\": {\"completion\": 50, \"overdue\": 30, "
                    + "\"acknowledge\": 10, \"reports\": 10}, \"acknowledgeWithinDays\": 3}")))
    @APIResponse(responseCode = "200", description = "The settings now; ETag their version",
            content = @Content(schema = @Schema(implementation = ScoringSettings.class)))
    @APIResponse(responseCode = "400", description = "A weight is negative or the weights do not add up to 100, or a setting is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed meanwhile: read it again")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response updateScoring(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, ScoringRequest body) {
        if (body == null) {
            throw ProblemException.validation(List.of(new Problem.FieldError("weights", "is required (请设置各项权重)")));
        }
        Plan plan = plans.plan(id);
        long expected = Versions.required(ifMatch);
        ScoringSettings settings = scoring.update(plan, expected, body, user.username());
        return Response.ok(settings).tag(Versions.etag(settings.version())).build();
    }

    @GET
    @Path("{id}/bulletin")
    @Produces({OfficialDocx.MEDIA_TYPE, BulletinXlsx.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR})
    @Operation(operationId = "getBulletin", summary = "The 督查通报 as of a day, as .docx or .xlsx (admin, viewer, integrator)",
            description = "关于…重点工作任务落实情况的通报 in official layout: the issuer in red, the document number line (the "
                    + "plan's bulletinNumberPrefix〔year of asOf〕number号; without number a blank for the office to fill), "
                    + "the title, the addressees, 一、总体情况 with the figures, 二、the units commended (per level the best "
                    + "three without overdue work and with 90 points or more), 三、the units named (per level the worst three "
                    + "with overdue work or under 60 points), 四、the overdue list with days (a table; the .docx shows the "
                    + "300 longest overdue, the .xlsx all), 五、a bar chart of the cities' scores, 六、requirements, the issuer "
                    + "and the date line. Counted as of the end of asOf like the scorecard: the same day gives the same "
                    + "bulletin.")
    @APIResponse(responseCode = "200", description = "The document", content = {
            @Content(mediaType = OfficialDocx.MEDIA_TYPE), @Content(mediaType = BulletinXlsx.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "asOf, format or number invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public Response bulletin(@PathParam("id") long id,
                             @QueryParam("asOf") @Parameter(description = "The day (default today)", example = "2022-09-30") String asOf,
                             @QueryParam("format") @Parameter(schema = @Schema(enumeration = {"docx", "xlsx"}, defaultValue = "docx"))
                             String format,
                             @QueryParam("number") @Parameter(description = "The bulletin's serial number in the year (the X of 〔2022〕X号)",
                                     example = "5") String number) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate day = asOf(asOf, errors);
        String kind = format(format, List.of("docx", "xlsx"), errors);
        Integer serial = positive("number", number, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Plan plan = plans.plan(id);
        Bulletin bulletin = bulletins.bulletin(plan, day, serial);
        boolean docx = kind.equals("docx");
        byte[] bytes = docx ? BulletinDocx.write(bulletin) : BulletinXlsx.write(bulletin);
        return Response.ok(bytes).type(docx ? OfficialDocx.MEDIA_TYPE : BulletinXlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-bulletin-" + day + "." + kind + "\"")
                .build();
    }

    @GET
    @Path("{id}/annual-report")
    @Produces({OfficialDocx.MEDIA_TYPE, AnnualReportWriter.MARKDOWN, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR, Roles.UNIT})
    @Operation(operationId = "getAnnualReport", summary = "The key-task section of the annual report on government information "
            + "disclosure (政府信息公开工作年度报告), as .docx or Markdown",
            description = "Task 41: every unit reports its key-task progress in its annual report. With unit: that unit's "
                    + "assignments of the plan — task, role, deadline, status and completion date as they stood at the end "
                    + "of the year (today while the year lasts) and the progress it reported in the year (the latest five "
                    + "per task). Without unit: the office's section over all units, one line per task. A unit user gets its "
                    + "own unit's (unit may be left out); the office, viewers and integrators any.")
    @APIResponse(responseCode = "200", description = "The section", content = {
            @Content(mediaType = AnnualReportWriter.MARKDOWN), @Content(mediaType = OfficialDocx.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "year outside the plan's years, or format unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A unit user asking for another unit's section, or the office's")
    @APIResponse(responseCode = "404", description = "No such plan")
    public Response annualReport(@PathParam("id") long id,
                                 @QueryParam("year") @Parameter(description = "Default: the plan's year", example = "2022") String year,
                                 @QueryParam("unit") @Parameter(description = "The unit (absent: the office's section over all units)",
                                         example = "gov-340100") String unit,
                                 @QueryParam("format") @Parameter(schema = @Schema(enumeration = {"docx", "md"}, defaultValue = "docx"))
                                 String format) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String kind = format(format, List.of("docx", "md"), errors);
        Integer y = positive("year", year, errors);
        if (unit != null && unit.isBlank()) {
            errors.add(new Problem.FieldError("unit", "must be a unit code such as gov-340100"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Plan plan = plans.plan(id);
        LocalDate today = calendar.today();
        int reportYear = y == null ? plan.year : y;
        int first = plan.issuedOn != null ? Math.min(plan.year, plan.issuedOn.getYear()) : plan.year;
        if (reportYear < first || reportYear > today.getYear()) {
            throw ProblemException.validation(List.of(new Problem.FieldError("year",
                    "must be from " + first + " (the plan's year) to " + today.getYear())));
        }
        String scope = unit;
        if (!user.readsAll()) {
            String own = user.unitCode().orElseThrow(() -> CurrentUser.forbidden("This token names no unit"));
            if (unit != null && !unit.equals(own)) {
                throw CurrentUser.forbidden("A unit reads its own annual-report section only (本单位只能查看本单位的年度报告内容)");
            }
            scope = own;
        }
        AnnualReport report = reports.report(plan, reportYear, today, scope);
        String title = (report.unitName() != null ? report.unitName() : plan.issuer != null ? plan.issuer : "")
                + reportYear + "年政府信息公开工作年度报告（" + report.heading() + "部分）";
        boolean docx = kind.equals("docx");
        return Response.ok(docx ? AnnualReportWriter.docx(report, title) : AnnualReportWriter.markdown(report))
                .type(docx ? OfficialDocx.MEDIA_TYPE : AnnualReportWriter.MARKDOWN)
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-annual-report-" + reportYear
                        + (scope != null ? "-" + scope : "") + "." + kind + "\"")
                .build();
    }

    private LocalDate asOf(String value, List<Problem.FieldError> errors) {
        LocalDate today = calendar.today();
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.isAfter(today)) {
                errors.add(new Problem.FieldError("asOf", "must not be after today (" + today + "): scores are counted from what happened"));
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("asOf", "must be a date like 2022-09-30"));
            return null;
        }
    }

    private static UnitPlace.Level level(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UnitPlace.Level.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("level", "must be PROVINCE, CITY or COUNTY"));
            return null;
        }
    }

    private static Integer positive(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(field, "must be a whole number from 1"));
        return null;
    }

    private static String format(String value, List<String> allowed, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return allowed.getFirst();
        }
        String f = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(f)) {
            errors.add(new Problem.FieldError("format", "must be " + String.join(" or ", allowed)));
            return allowed.getFirst();
        }
        return f;
    }

    static final String SCORING_EXAMPLE = """
            {"planId": 1, "weights": {"completion": 40, "overdue": 30, "acknowledge": 15, "reports": 15},
             "acknowledgeWithinDays": 3, "overdueDaysCap": 30, "reportEveryMonths": 1, "reportScope": "ALL",
             "bulletinNumberPrefix": "皖政务公开办", "bulletinAddressee": "各市、县人民政府办公室（政务公开办公室），省有关单位办公室：",
             "defaults": true, "version": 0}""";

    static final String SCORECARD_EXAMPLE = """
            {"plan": {"id": 1, "title": "安徽省2022年政务公开重点工作任务分工", "documentNumber": "皖政务办〔2022〕3号",
              "issuer": "安徽省政务公开办公室", "issuedOn": "2022-06-06", "year": 2022, "timeZone": "Asia/Shanghai"},
             "asOf": "2022-09-30", "level": "CITY",
             "weights": {"completion": 40, "overdue": 30, "acknowledge": 15, "reports": 15},
             "rules": {"acknowledgeWithinDays": 3, "overdueDaysCap": 30, "reportEveryMonths": 1, "reportScope": "ALL"},
             "scoringVersion": 0, "ranked": 16,
             "units": [{"unitCode": "gov-340100", "unitName": "合肥市人民政府", "level": "CITY", "cityCode": "gov-340100",
               "assignments": 40, "completed": 6, "completedOnTime": 5, "overdue": 1, "overdueDays": 12, "fellDue": 7,
               "acknowledged": 40, "acknowledgeDue": 40, "acknowledgedOnTime": 38, "reportsDue": 120, "reportsOnTime": 111,
               "score": 85.0, "rank": 3,
               "parts": [{"name": "completion", "weight": 40, "rate": 0.7143, "points": 28.57, "basis": "按时办结5项，应办结7项"},
                         {"name": "overdue", "weight": 30, "rate": 0.9429, "points": 28.29,
                          "basis": "累计逾期12天（单项按30天封顶计12天），应办结7项"},
                         {"name": "acknowledge", "weight": 15, "rate": 0.95, "points": 14.25, "basis": "按时签收38项，应签收40项"},
                         {"name": "reports", "weight": 15, "rate": 0.925, "points": 13.88, "basis": "按期报送进展111期，应报送120期"}]}]}""";
}
