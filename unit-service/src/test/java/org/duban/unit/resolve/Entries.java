package org.duban.unit.resolve;

import org.duban.unit.registry.SeedData;

import java.util.List;

/**
 * Compact, readable form of resolved entries for table-driven tests:
 * {@code "L ah-fgw"} (lead unit), {@code "R @cities"} (responsible group),
 * {@code "R @cities-and-counties 司法局"} (group with qualifier).
 */
public final class Entries {

    private Entries() {
    }

    public static List<String> render(Resolution resolution) {
        return resolution.entries().stream().map(Entries::render).toList();
    }

    public static String render(ResolvedEntry entry) {
        String role = entry.role() == Role.LEAD ? "L" : "R";
        String target = entry.unitCode() != null ? entry.unitCode() : "@" + entry.groupCode();
        return role + " " + target + (entry.qualifier() == null ? "" : " " + entry.qualifier());
    }

    public static final ResponsibilityParser SEED_PARSER =
            new ResponsibilityParser(UnitDirectory.of(SeedData.units(), SeedData.groups()));
}
