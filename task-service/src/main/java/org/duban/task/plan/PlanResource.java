package org.duban.task.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.Roles;
import org.duban.task.assignment.AssignmentResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    /** The longest timeline one request may ask for. */
    static final int MAX_TIMELINE_DAYS = 400;

    private final PlanQueries plans;
    private final PlanProgress progress;
    private final LedgerExport ledger;
    private final PlanCalendar calendar;

    PlanResource(PlanQueries plans, PlanProgress progress, LedgerExport ledger, PlanCalendar calendar) {
        this.plans = plans;
        this.progress = progress;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    @GET
    @Operation(operationId = "listPlans", summary = "Plans, newest first")
    public PageResponse<PlanView> list(@BeanParam @Valid PageRequest page) {
        PageResponse<Plan> found = plans.plans(page);
        return new PageResponse<>(found.items().stream().map(PlanView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPlan", summary = "One plan")
    public PlanView get(@PathParam("id") long id) {
        return PlanView.of(plans.plan(id));
    }

    @GET
    @Path("{id}/tasks")
    @Operation(operationId = "listPlanTasks", summary = "The tasks of a plan with their assignments (a unit user sees its own)")
    public PageResponse<TaskView> tasks(@PathParam("id") long id, @BeanParam @Valid AssignmentResource.AssignmentFilterParams filter,
                                        @QueryParam("q") String q, @BeanParam @Valid PageRequest page) {
        plans.plan(id);
        LocalDate today = calendar.today();
        PageResponse<PlanQueries.TaskWithAssignments> found = plans.tasks(id, filter.toFilter(), q, page, today);
        return new PageResponse<>(found.items().stream().map(t -> TaskView.of(t, today)).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}/summary")
    @Operation(operationId = "getPlanSummary", summary = "Per unit and per category: total, completed, overdue, due within 7 days",
            description = "A unit user gets the figures of its own unit's assignments only.")
    public SummaryView summary(@PathParam("id") long id,
                               @QueryParam("depth") @Parameter(description = "The level of delegation counted: 0 (default) the "
                                       + "plan as the office issued it, 1 the shares delegated once, …, or all", example = "0")
                               String depth) {
        return SummaryView.of(plans.summary(id, PlanDepth.parse(depth)));
    }

    @GET
    @Path("{id}/board")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR})
    @Operation(operationId = "getPlanBoard", summary = "The supervision board (督办看板): units × categories (admin, viewer, integrator)",
            description = "Each unit's assignments as they stood at the end of asOf (default today, in the plan's time zone), "
                    + "overall and per category: total, completed, completed on time, overdue, due within 7 days and "
                    + "returned (the office sent the submission back). Colour a unit or cell red when overdue > 0, else "
                    + "yellow when dueWithin7Days > 0 or returned > 0, else green. level keeps the units of one level: "
                    + "a government's level and city come from its division code (gov-340123 is a county of gov-340100); "
                    + "every other unit belongs to the province. Assignments of groups still waiting for units are "
                    + "counted in unnamed only. depth chooses the level of delegation (层层分解) the unit lines count: "
                    + "by default the plan as the office issued it (each unit's own share; delegated work is the same work "
                    + "again, one level down), 1 the shares delegated once, all every level; depths always counts every level.")
    public PlanBoard board(@PathParam("id") long id,
                           @QueryParam("asOf") @Parameter(description = "The day to show (default today)", example = "2022-09-30")
                           String asOf,
                           @QueryParam("level") @Parameter(schema = @Schema(enumeration = {"PROVINCE", "CITY", "COUNTY"}))
                           String level,
                           @QueryParam("depth") @Parameter(description = "The level of delegation the unit lines count: 0 "
                                   + "(default) the plan as the office issued it, 1 what its shares were delegated to, …, or all",
                                   example = "0") String depth) {
        PlanDepth levels = PlanDepth.parse(depth);
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate day = date("asOf", asOf, errors);
        UnitPlace.Level unitLevel = null;
        if (level != null) {
            try {
                unitLevel = UnitPlace.Level.valueOf(level);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("level", "must be PROVINCE, CITY or COUNTY"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return progress.board(plans.plan(id), day != null ? day : calendar.today(), unitLevel, levels);
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR})
    @Operation(operationId = "getPlanTimeline", summary = "Completed, overdue and open assignments day by day (admin, viewer, integrator)",
            description = "One point per day from from to to (both included, at most 400 days), each counting the plan's "
                    + "assignments as they stood at the end of that day. Default: from the plan's issue date to today; "
                    + "when that is longer than 400 days, the 400 days up to today.")
    public PlanTimeline timeline(@PathParam("id") long id,
                                 @QueryParam("from") @Parameter(description = "First day (default the issue date)", example = "2022-06-06")
                                 String from,
                                 @QueryParam("to") @Parameter(description = "Last day (default today)", example = "2022-12-31")
                                 String to,
                                 @QueryParam("depth") @Parameter(description = "The level of delegation counted: 0 (default) "
                                         + "the plan as the office issued it, 1 the shares delegated once, …, or all", example = "0")
                                 String depth) {
        PlanDepth levels = PlanDepth.parse(depth);
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate first = date("from", from, errors);
        LocalDate last = date("to", to, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Plan plan = plans.plan(id);
        if (last == null) {
            last = calendar.today();
        }
        if (first == null) { // the issue date, but no more than the longest timeline back
            LocalDate earliest = last.minusDays(MAX_TIMELINE_DAYS - 1);
            first = plan.issuedOn == null || plan.issuedOn.isAfter(last) ? last
                    : plan.issuedOn.isBefore(earliest) ? earliest : plan.issuedOn;
        }
        if (first.isAfter(last)) {
            throw ProblemException.validation(List.of(new Problem.FieldError("from", "must not be after to (" + last + ")")));
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_TIMELINE_DAYS) {
            throw ProblemException.validation(List.of(new Problem.FieldError("to",
                    "at most " + MAX_TIMELINE_DAYS + " days from " + first + " (to " + first.plusDays(MAX_TIMELINE_DAYS - 1) + ")")));
        }
        return progress.timeline(plan, first, last, levels);
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date like 2022-09-30"));
            return null;
        }
    }

    @GET
    @Path("{id}/export")
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR})
    @Produces(LedgerExport.XLSX)
    @Operation(operationId = "exportPlanLedger",
            summary = "The ledger (台账) of a plan as an Excel workbook (every unit's work: admin, viewer, integrator)")
    public Response export(@PathParam("id") long id, @QueryParam("format") @DefaultValue("xlsx") String format) {
        if (!format.equalsIgnoreCase("xlsx")) {
            throw ProblemException.validation(List.of(new Problem.FieldError("format", "must be xlsx")));
        }
        var plan = plans.plan(id);
        return Response.ok(ledger.write(plan)).type(LedgerExport.XLSX)
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + "-ledger.xlsx\"").build();
    }
}
