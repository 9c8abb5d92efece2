package org.duban.unit.group;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.ProblemException;
import org.duban.unit.registry.UnitRecord;
import org.duban.unit.registry.UnitService;
import org.duban.unit.registry.UnitView;
import org.duban.unit.resolve.UnitDirectoryCache;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/unit-groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Unit groups", description = "Collective references such as 各市政府")
public class UnitGroupResource {

    private final UnitDirectoryCache directory;
    private final UnitService units;

    UnitGroupResource(UnitDirectoryCache directory, UnitService units) {
        this.directory = directory;
        this.units = units;
    }

    @GET
    @Operation(operationId = "listUnitGroups", summary = "Every unit group")
    public List<UnitGroupView> list() {
        var snapshot = directory.current();
        return snapshot.groups().stream().map(g -> view(g, snapshot.units())).toList();
    }

    @GET
    @Path("{code}")
    @Operation(operationId = "getUnitGroup", summary = "One unit group")
    public UnitGroupView get(@PathParam("code") String code) {
        var snapshot = directory.current();
        return view(find(snapshot.groups(), code), snapshot.units());
    }

    @GET
    @Path("{code}/members")
    @Operation(operationId = "listUnitGroupMembers",
            summary = "The active units of a definite group; empty for a vague group, which the office names case by case")
    public PageResponse<UnitView> members(@PathParam("code") String code, @BeanParam @Valid PageRequest page) {
        var snapshot = directory.current();
        List<String> codes = members(find(snapshot.groups(), code), snapshot.units());
        List<UnitView> items = codes.stream().skip(page.offset()).limit(page.size).map(units::get).map(UnitView::of).toList();
        return new PageResponse<>(items, page.page, page.size, codes.size());
    }

    private static GroupRecord find(List<GroupRecord> groups, String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No unit group has the code " + code));
    }

    private static UnitGroupView view(GroupRecord group, List<UnitRecord> units) {
        return new UnitGroupView(group.code(), group.name(), group.aliases(), group.rule().definite(),
                group.rule().definite() ? members(group, units) : null);
    }

    private static List<String> members(GroupRecord group, List<UnitRecord> units) {
        return units.stream().filter(u -> group.rule().includes(u)).map(UnitRecord::code).toList();
    }
}
