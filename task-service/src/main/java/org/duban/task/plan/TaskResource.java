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

    TaskResource(PlanQueries plans, PlanCalendar calendar) {
        this.plans = plans;
        this.calendar = calendar;
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
}
