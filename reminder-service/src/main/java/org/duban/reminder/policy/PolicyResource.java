package org.duban.reminder.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reminder-policies/{planId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminder policies", description = "When a plan's assignments are reminded")
public class PolicyResource {

    private final PolicyStore store;
    private final CurrentUser user;

    PolicyResource(PolicyStore store, CurrentUser user) {
        this.store = store;
        this.user = user;
    }

    @GET
    @Operation(operationId = "getReminderPolicy", summary = "A plan's reminder policy",
            description = "The plan's own policy or, when it has none, the default one (header X-Policy-Source: default). "
                    + "`default` names the fallback policy itself.")
    @APIResponse(responseCode = "200", description = "The policy in force; ETag = its version")
    public Response get(@Parameter(description = "A plan id, or `default`", example = "1") @PathParam("planId") String planId) {
        PolicyStore.Found found = store.get(key(planId));
        return Response.ok(ReminderPolicy.of(found.policy()))
                .tag(Versions.etag(found.version()))
                .header("X-Policy-Source", found.own() ? "own" : "default")
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putReminderPolicy", summary = "Set a plan's reminder policy (admin)",
            description = "Fields left out follow the default policy. Replacing a plan's existing policy needs If-Match "
                    + "with its ETag; 400 lists every invalid field.")
    @APIResponse(responseCode = "200", description = "The policy now in force")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "412", description = "Changed meanwhile")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response put(@Parameter(description = "A plan id, or `default`", example = "1") @PathParam("planId") String planId,
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReminderPolicy request) {
        if (request == null) {
            throw ProblemException.badRequest("The body must be a reminder policy, e.g. {\"leadDays\": [30, 7, 1]}");
        }
        PolicyStore.Found saved = store.put(key(planId), request, ifMatch, user.username());
        return Response.ok(ReminderPolicy.of(saved.policy())).tag(Versions.etag(saved.version())).build();
    }

    private static String key(String planId) {
        if (planId.equals(PolicyStore.DEFAULT) || planId.matches("[1-9][0-9]{0,17}")) {
            return planId;
        }
        throw ProblemException.notFound("No plan " + planId + ": a plan id is a positive number, or `default`");
    }
}
