package org.duban.task.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sync/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OA sync", description = "Incremental pull for office-automation systems")
public class SyncResource {

    private final SyncFeed feed;

    SyncResource(SyncFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
    @Operation(operationId = "syncAssignments", summary = "Every change of an assignment exactly once, in commit order",
            description = "Start without a cursor; store nextCursor and pass it next time. Each item is the assignment after "
                    + "the change, with changeType (the event type), changedAt and position.")
    public SyncFeed.Page changes(@QueryParam("cursor") @Parameter(description = "nextCursor of the previous answer") String cursor,
                                 @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(1000) int limit) {
        return feed.after(cursor, limit);
    }
}
