package org.duban.unit.resolve;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/units/resolve")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class ResolveResource {

    private final UnitDirectoryCache directory;

    ResolveResource(UnitDirectoryCache directory) {
        this.directory = directory;
    }

    @POST
    @Operation(operationId = "resolveUnits", summary = "Resolve a responsibility text (责任单位) into units, groups and roles",
            description = "Roles come from 牵头 (LEAD) and 负责落实 (RESPONSIBLE); definite groups such as 各市政府 are "
                    + "named by groupCode and expand through /api/unit-groups/{code}/members; every name that matches "
                    + "nothing is listed in unresolved.")
    public ResolveResponse resolve(@Valid @NotNull ResolveRequest request) {
        var snapshot = directory.current();
        return ResolveResponse.of(snapshot.parser().resolve(request.text()), snapshot::nameOf);
    }
}
