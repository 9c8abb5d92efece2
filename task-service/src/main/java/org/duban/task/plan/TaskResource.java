package org.duban.task.api;

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
import org.duban.task.service.PlanQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class TaskResource {

    private final PlanQueries plans;

    TaskResource(PlanQueries plans) {
        this.plans = plans;
    }

    @GET
    @Operation(summary = "Tasks across plans", description = "With unit, status or overdue, only the tasks where an "
            + "assignment matches, each showing those assignments (a unit's task list, 任务清单). q searches the requirement "
            + "and responsibility texts.")
    public PageResponse<TaskView> list(@QueryParam("planId") Long planId,
                                       @BeanParam @Valid AssignmentResource.AssignmentFilterParams filter,
                                       @QueryParam("q") String q, @BeanParam @Valid PageRequest page) {
        return plans.tasks(planId != null ? planId : filter.planId, filter.toFilter(), q, page);
    }

    @GET
    @Path("{id}")
    public TaskView get(@PathParam("id") long id) {
        return plans.task(id, new AssignmentResource.AssignmentFilterParams().toFilter());
    }
}
