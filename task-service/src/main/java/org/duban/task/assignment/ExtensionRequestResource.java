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
    private final org.duban.platform.security.CurrentUser user;

    ExtensionRequestResource(AssignmentService assignments, org.duban.platform.security.CurrentUser user) {
        this.assignments = assignments;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATOR, Roles.UNIT})
    @Operation(operationId = "listExtensionRequests",
            summary = "Extension requests, oldest first (the office's queue with status=PENDING)",
            description = "A unit user sees the requests on the assignments it delegated (the queue it decides as their supervisor).")
    public PageResponse<ExtensionRequestView> list(
            @QueryParam("status") @Pattern(regexp = "PENDING|APPROVED|REJECTED", message = "must be PENDING, APPROVED or REJECTED")
            String status, @BeanParam @Valid PageRequest page) {
        var params = new io.quarkus.panache.common.Parameters();
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", ExtensionRequest.Status.valueOf(status));
        }
        var scope = user.readScope();
        if (scope.isPresent()) {
            where.append(" and assignmentId in (select a.id from Assignment a where a.delegatedBy = :unit)");
            params.and("unit", scope.get());
        }
        var query = ExtensionRequest.<ExtensionRequest>find(where + " order by requestedAt, id", params);
        return new PageResponse<>(query.page(page.page, page.size).list().stream().map(ExtensionRequestView::of).toList(),
                page.page, page.size, query.count());
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "decideExtensionRequest",
            summary = "Approve or refuse an extension request (admin; for a delegated assignment also the unit that delegated it)",
            description = "Approval moves the due date. The delegating unit decides within its own due date: a later date answers "
                    + "409 extension-beyond-parent (it must ask its own supervisor first).")
    public ExtensionRequestView decide(@PathParam("id") long id, @Valid @NotNull Requests.Decision body) {
        return ExtensionRequestView.of(assignments.decide(id, body.approved(), body.note()));
    }
}
