package org.duban.task.milestone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.Versions;
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

import java.net.URI;
import java.util.List;

/** The milestones of one assignment: {@code /api/assignments/{id}/milestones}. */
@Path("/api/assignments/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "节点: dated steps inside an assignment, due no later than the assignment itself")
public class AssignmentMilestoneResource {

    private final MilestoneService milestones;
    private final PlanCalendar calendar;

    AssignmentMilestoneResource(MilestoneService milestones, PlanCalendar calendar) {
        this.milestones = milestones;
        this.calendar = calendar;
    }

    @GET
    @Operation(operationId = "listMilestones", summary = "The milestones of an assignment, by due date",
            description = "Whoever may read the assignment may read its milestones.")
    @APIResponse(responseCode = "200", description = "The milestones, earliest first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = MilestoneView.class),
            examples = @ExampleObject(name = "one", value = "[" + MilestoneExamples.MILESTONE_EXAMPLE + "]")))
    @APIResponse(responseCode = "403", description = "Another unit's assignment")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public List<MilestoneView> list(@PathParam("id") long assignmentId) {
        var today = calendar.today();
        return milestones.list(assignmentId).stream().map(m -> MilestoneView.of(m, today)).toList();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "createMilestone", summary = "Set a milestone on an assignment (admin, or the assignment's own unit)",
            description = "The office's milestones are set by OFFICE; a unit may plan its own steps (set by UNIT), which it "
                    + "alone besides the office may change. Due no later than the assignment (400 otherwise; ONGOING work "
                    + "bounds nothing). Not on a completed assignment (409). Event duban.assignment.milestone-changed "
                    + "(CREATED); the assignment's version moves.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MilestoneRequests.Milestone.class),
            examples = @ExampleObject(name = "work plan", value = "{\"title\": \"报送工作方案\", \"dueDate\": \"2022-07-06\"}")))
    @APIResponse(responseCode = "201", description = "Set; Location and ETag name it", content = @Content(
            schema = @Schema(implementation = MilestoneView.class), examples = @ExampleObject(name = "set", value = MilestoneExamples.MILESTONE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is missing or the date lies after the assignment's",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "after the assignment",
                    value = MilestoneExamples.BOUND_PROBLEM)))
    @APIResponse(responseCode = "403", description = "Neither the office nor the assignment's own unit")
    @APIResponse(responseCode = "409", description = "The assignment is completed, replaced, or a group without units")
    public Response create(@PathParam("id") long assignmentId, @Valid @NotNull MilestoneRequests.Milestone body) {
        Milestone m = milestones.create(assignmentId, body.title(), body.dueDate());
        return Response.created(URI.create("/api/milestones/" + m.id)).entity(MilestoneView.of(m, calendar.today()))
                .tag(Versions.etag(m.version)).build();
    }
}
