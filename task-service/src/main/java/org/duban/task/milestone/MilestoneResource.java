package org.duban.task.milestone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.Versions;
import org.duban.platform.security.Roles;
import org.duban.task.plan.PlanCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** One milestone: {@code /api/milestones/{id}}. */
@Path("/api/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "节点: dated steps inside an assignment, due no later than the assignment itself")
public class MilestoneResource {

    private final MilestoneService milestones;
    private final PlanCalendar calendar;

    MilestoneResource(MilestoneService milestones, PlanCalendar calendar) {
        this.milestones = milestones;
        this.calendar = calendar;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMilestone", summary = "One milestone, with its ETag")
    @APIResponse(responseCode = "200", description = "The milestone", content = @Content(
            schema = @Schema(implementation = MilestoneView.class), examples = @ExampleObject(name = "done", value = MilestoneExamples.DONE_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Another unit's assignment")
    @APIResponse(responseCode = "404", description = "No such milestone")
    public Response get(@PathParam("id") long id) {
        return withEtag(milestones.get(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "updateMilestone", summary = "Change a milestone's title and due date (If-Match)",
            description = "The office any milestone; a unit only those it set itself on its own assignments. Due no later "
                    + "than the assignment (400). A done milestone is kept as reported (409). Event "
                    + "duban.assignment.milestone-changed (UPDATED) unless nothing changed.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MilestoneRequests.Milestone.class),
            examples = @ExampleObject(name = "later", value = "{\"title\": \"报送工作方案\", \"dueDate\": \"2022-07-15\"}")))
    @APIResponse(responseCode = "200", description = "The milestone now; ETag its new version",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or the date lies after the assignment's")
    @APIResponse(responseCode = "403", description = "Set by the office (for a unit), or another unit's")
    @APIResponse(responseCode = "409", description = "The milestone is done, or the assignment completed")
    @APIResponse(responseCode = "412", description = "Changed meanwhile: read it again")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull MilestoneRequests.Milestone body) {
        return withEtag(milestones.update(id, Versions.required(ifMatch), body.title(), body.dueDate()));
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "deleteMilestone", summary = "Remove a milestone (If-Match)",
            description = "The office any milestone; a unit only those it set itself, and not once done. Event "
                    + "duban.assignment.milestone-changed (DELETED), with the milestone as it was.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Set by the office (for a unit), or another unit's")
    @APIResponse(responseCode = "409", description = "Done (for a unit)")
    @APIResponse(responseCode = "412", description = "Changed meanwhile")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        milestones.delete(id, Versions.required(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "completeMilestone", summary = "Report a milestone done (the assignment's own unit)",
            description = "With a note and the ids of the evidence (佐证材料) uploaded to the assignment; the ids are kept in "
                    + "the order given and shown as attachmentIds. If-Match is optional (412 when it is stale). Once only: a "
                    + "done milestone answers 409. Event duban.assignment.milestone-changed (COMPLETED).")
    @RequestBody(content = @Content(schema = @Schema(implementation = MilestoneRequests.Completion.class),
            examples = @ExampleObject(name = "with evidence",
                    value = "{\"note\": \"工作方案已于7月5日报送省政务公开办\", \"attachmentIds\": [501]}")))
    @APIResponse(responseCode = "200", description = "Done", content = @Content(
            schema = @Schema(implementation = MilestoneView.class), examples = @ExampleObject(name = "done", value = MilestoneExamples.DONE_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not the assignment's own unit")
    @APIResponse(responseCode = "409", description = "Already done, or the assignment completed")
    public Response complete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                             @Valid MilestoneRequests.Completion body) {
        MilestoneRequests.Completion c = body != null ? body : new MilestoneRequests.Completion(null, null);
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.required(ifMatch);
        return withEtag(milestones.complete(id, expected, c.note(), c.attachmentIds()));
    }

    private Response withEtag(Milestone m) {
        return Response.ok(MilestoneView.of(m, calendar.today())).tag(Versions.etag(m.version)).build();
    }
}
