package org.duban.unit.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Versions;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The registry of responsible units; reads for every signed-in role, writes for admin, "
        + "and for a unit-admin under its own unit")
public class UnitResource {

    private final UnitService units;
    private final CurrentUser user;

    UnitResource(UnitService units, CurrentUser user) {
        this.units = units;
        this.user = user;
    }

    @GET
    @Operation(operationId = "listUnits",
            summary = "Search units", description = "q matches the official name, short name and aliases (a substring); "
            + "externalId is system:id, e.g. oa:D-0012")
    public PageResponse<UnitView> list(
            @QueryParam("q") @Parameter(example = "合肥") String q,
            @QueryParam("level") @Parameter(description = "PROVINCE, CITY or COUNTY")
            @Pattern(regexp = "PROVINCE|CITY|COUNTY", message = "must be one of PROVINCE, CITY, COUNTY") String level,
            @QueryParam("type") @Parameter(description = "GOVERNMENT, DEPARTMENT, AGENCY or OTHER")
            @Pattern(regexp = "GOVERNMENT|DEPARTMENT|AGENCY|OTHER", message = "must be one of GOVERNMENT, DEPARTMENT, AGENCY, OTHER") String type,
            @QueryParam("parent") @Parameter(example = "gov-340100") String parent,
            @QueryParam("active") Boolean active,
            @QueryParam("externalId") @Parameter(example = "oa:D-0012")
            @Pattern(regexp = "[^:]+:.+", message = "must be system:id, e.g. oa:D-0012") String externalId,
            @BeanParam @Valid PageRequest page) {
        String system = externalId == null ? null : externalId.substring(0, externalId.indexOf(':'));
        String id = externalId == null ? null : externalId.substring(externalId.indexOf(':') + 1);
        PageResponse<UnitSnapshot> found = units.search(new UnitFilter(q, level == null ? null : UnitLevel.valueOf(level),
                type == null ? null : UnitType.valueOf(type), parent, active, system, id), page);
        return new PageResponse<>(found.items().stream().map(UnitView::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getUnit", summary = "One unit; its ETag is its version")
    public Response get(@PathParam("code") String code) {
        UnitView unit = UnitView.of(units.get(code));
        return Response.ok(unit).tag(Versions.etag(unit.version())).build();
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_ADMIN})
    @Operation(operationId = "createUnit", summary = "Add a unit (admin; a unit-admin under its own unit)",
            description = "The code is the caller's to choose, as for every unit (a government's gov-<divisionCode>, a "
                    + "department's a short slug such as hf-sjj). A unit-admin must give a parentCode that is its own unit "
                    + "(the token's unit_code) or a unit under it, at any depth; anything else is 403.")
    public Response create(@Valid @NotNull UnitRequest request, @Context UriInfo uri) {
        UnitView unit = UnitView.of(units.create(request, user.username(), UnitScope.of(user)));
        return Response.created(uri.getAbsolutePathBuilder().path(unit.code()).build())
                .entity(unit).tag(Versions.etag(unit.version())).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_ADMIN})
    @Operation(operationId = "updateUnit", summary = "Change a unit (admin; a unit-admin under its own unit); needs If-Match with the ETag read",
            description = "A unit-admin changes units under its own unit and may move them only to another place under it; "
                    + "its own unit it may keep up but not move (parentCode stays). Anything else is 403.")
    public Response update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull UnitRequest request) {
        UnitScope scope = UnitScope.of(user);
        UnitView unit = UnitView.of(units.update(code, Versions.required(ifMatch), request, user.username(), scope));
        return Response.ok(unit).tag(Versions.etag(unit.version())).build();
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_ADMIN})
    @Operation(operationId = "deactivateUnit", summary = "Deactivate a unit (admin; a unit-admin a unit under its own unit); "
            + "its history stays. Needs If-Match")
    public Response deactivate(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
        UnitScope scope = UnitScope.of(user);
        units.deactivate(code, Versions.required(ifMatch), user.username(), scope);
        return Response.noContent().build();
    }

    @GET
    @Path("{code}/history")
    @Operation(operationId = "getUnitHistory", summary = "Every recorded change of a unit, oldest first")
    public List<UnitChangeView> history(@PathParam("code") String code) {
        return units.history(code).stream().map(UnitChangeView::of).toList();
    }
}
