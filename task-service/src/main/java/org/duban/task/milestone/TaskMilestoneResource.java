package org.duban.task.milestone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.security.Roles;
import org.duban.task.plan.PlanCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** One milestone on the assignments of a task at once: {@code /api/tasks/{id}/milestones}. */
@Path("/api/tasks/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "节点: dated steps inside an assignment, due no later than the assignment itself")
public class TaskMilestoneResource {

    private final MilestoneService milestones;
    private final PlanCalendar calendar;

    TaskMilestoneResource(MilestoneService milestones, PlanCalendar calendar) {
        this.milestones = milestones;
        this.calendar = calendar;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createTaskMilestones", summary = "Set one milestone on each open assignment of a task (admin)",
            description = "Every assignment of the task that is not completed or replaced gets its own copy (set by OFFICE), "
                    + "or only those of `role` — task 38: the lead departments (LEAD) send their work plan within a month "
                    + "of issue. A group still waiting for its units gets one too, which goes to each unit the office names. "
                    + "All or nothing: 400 naming the assignments due before the date, 422 when no assignment is left.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MilestoneRequests.TaskMilestone.class),
            examples = @ExampleObject(name = "lead units' work plan",
                    value = "{\"title\": \"报送工作方案\", \"dueDate\": \"2022-07-06\", \"role\": \"LEAD\"}")))
    @APIResponse(responseCode = "201", description = "The milestones set, one per assignment", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = MilestoneView.class),
            examples = @ExampleObject(name = "set", value = "[" + MilestoneExamples.MILESTONE_EXAMPLE + "]")))
    @APIResponse(responseCode = "400", description = "A field is missing, or an assignment is due before the date")
    @APIResponse(responseCode = "404", description = "No such task")
    @APIResponse(responseCode = "422", description = "No open assignment (of that role) in the task")
    public Response createForTask(@PathParam("id") long taskId, @Valid @NotNull MilestoneRequests.TaskMilestone body) {
        var today = calendar.today();
        List<MilestoneView> created = milestones.createForTask(taskId, body.title(), body.dueDate(), body.role()).stream()
                .map(m -> MilestoneView.of(m, today)).toList();
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
