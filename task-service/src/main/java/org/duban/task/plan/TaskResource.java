package org.duban.task.plan;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.task.assignment.AssignmentResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class TaskResource {

    private final PlanQueries plans;
    private final PlanCalendar calendar;
    private final org.duban.task.assignment.AssignmentQueries assignments;

    TaskResource(PlanQueries plans, PlanCalendar calendar, org.duban.task.assignment.AssignmentQueries assignments) {
        this.plans = plans;
        this.calendar = calendar;
        this.assignments = assignments;
    }

    @GET
    @Operation(operationId = "listTasks",
            summary = "Tasks across plans", description = "With unit, status or overdue, only the tasks where an "
            + "assignment matches, each showing those assignments (a unit's task list, 任务清单). q searches the requirement "
            + "and responsibility texts.")
    public PageResponse<TaskView> list(@QueryParam("planId") Long planId,
                                       @BeanParam @Valid AssignmentResource.AssignmentFilterParams filter,
                                       @QueryParam("q") String q, @BeanParam @Valid PageRequest page) {
        LocalDate today = calendar.today();
        PageResponse<PlanQueries.TaskWithAssignments> found =
                plans.tasks(planId != null ? planId : filter.planId, filter.toFilter(), q, page, today);
        return new PageResponse<>(found.items().stream().map(t -> TaskView.of(t, today)).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTask", summary = "One task with its assignments (a unit user sees its own)")
    public TaskView get(@PathParam("id") long id) {
        LocalDate today = calendar.today();
        return TaskView.of(plans.task(id, new AssignmentResource.AssignmentFilterParams().toFilter(), today), today);
    }

    @GET
    @Path("{id}/assignments")
    @Operation(operationId = "listTaskAssignments", summary = "Every share of one task, at every level of delegation (牵头协调)",
            description = "The per-task view: the office, viewers and integrators see every share; a lead unit (牵头单位) of the "
                    + "task sees every share too, the delegated ones included; any other unit sees its own shares and those "
                    + "delegated below them. Filters as in GET /api/assignments (depth, parentId, status, overdue, …); sorted by "
                    + "depth, then unit, unless sort says otherwise.")
    public PageResponse<org.duban.task.assignment.AssignmentView> assignments(
            @PathParam("id") long id, @BeanParam @Valid AssignmentResource.AssignmentFilterParams filter,
            @QueryParam("sort") String sort, @BeanParam @Valid PageRequest page) {
        LocalDate today = calendar.today();
        Task task = Task.findById(id);
        if (task == null) {
            throw org.duban.platform.api.ProblemException.notFound("No task has the id " + id);
        }
        filter.planId = task.planId;
        filter.taskNumber = task.number;
        var found = assignments.list(filter.toFilter().widened(), sort == null || sort.isBlank() ? "depth" : sort, page, today);
        return new PageResponse<>(found.items().stream().map(a -> org.duban.task.assignment.AssignmentView.of(a, today)).toList(),
                found.page(), found.size(), found.total());
    }
}
