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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    private final PlanQueries plans;
    private final LedgerExport ledger;
    private final PlanCalendar calendar;

    PlanResource(PlanQueries plans, LedgerExport ledger, PlanCalendar calendar) {
        this.plans = plans;
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
    public SummaryView summary(@PathParam("id") long id) {
        return SummaryView.of(plans.summary(id));
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
