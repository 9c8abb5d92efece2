package org.duban.task.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/extension-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments")
public class ExtensionRequestResource {

    private final AssignmentService assignments;

    ExtensionRequestResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR})
    @Operation(operationId = "listExtensionRequests",
            summary = "Extension requests, oldest first (the office's queue with status=PENDING)")
    public PageResponse<ExtensionRequestView> list(
            @QueryParam("status") @Pattern(regexp = "PENDING|APPROVED|REJECTED", message = "must be PENDING, APPROVED or REJECTED")
            String status, @BeanParam @Valid PageRequest page) {
        var query = status == null ? ExtensionRequest.<ExtensionRequest>find("order by requestedAt, id")
                : ExtensionRequest.<ExtensionRequest>find("status = ?1 order by requestedAt, id", ExtensionRequest.Status.valueOf(status));
        return new PageResponse<>(query.page(page.page, page.size).list().stream().map(ExtensionRequestView::of).toList(),
                page.page, page.size, query.count());
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "decideExtensionRequest",
            summary = "Approve or refuse an extension request (admin); approval moves the due date")
    public ExtensionRequestView decide(@PathParam("id") long id, @Valid @NotNull Requests.Decision body) {
        return ExtensionRequestView.of(assignments.decide(id, body.approved(), body.note()));
    }
}
