package org.duban.unit.transfer;

import org.duban.tables.Table;
import org.duban.tables.TableRow;
import org.duban.unit.registry.UnitRequest;
import org.duban.unit.registry.UnitSnapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The office's spreadsheet of units: one row per unit, the columns below, lists separated by
 * {@code |} (aliases: {@code 省发改委|发改委}; external ids: {@code oa:D-0012|dingtalk:778}).
 * Export writes it, import reads it back, so a round trip changes nothing.
 */
public final class UnitSheet {

    public static final List<String> COLUMNS = List.of("code", "name", "shortName", "aliases", "level", "type",
            "parentCode", "divisionCode", "email", "phone", "webhookUrl", "externalIds", "active");

    private UnitSheet() {
    }

    /** One data row with the line it came from (the line of a CSV file it starts on, a sheet's row number). */
    public record Row(int line, Map<String, String> cells) {

        public String get(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    public static List<String> toCells(UnitSnapshot unit) {
        List<String> cells = new ArrayList<>();
        cells.add(unit.code());
        cells.add(unit.name());
        cells.add(nullToEmpty(unit.shortName()));
        cells.add(String.join("|", unit.aliases()));
        cells.add(unit.level().name());
        cells.add(unit.type().name());
        cells.add(nullToEmpty(unit.parentCode()));
        cells.add(nullToEmpty(unit.divisionCode()));
        cells.add(nullToEmpty(unit.contacts().email()));
        cells.add(nullToEmpty(unit.contacts().phone()));
        cells.add(nullToEmpty(unit.contacts().webhookUrl()));
        List<String> ids = new ArrayList<>();
        new TreeMap<>(unit.externalIds()).forEach((system, id) -> ids.add(system + ":" + id));
        cells.add(String.join("|", ids));
        cells.add(Boolean.toString(unit.active()));
        return cells;
    }

    /**
     * The header row names the columns (any order, case-insensitive); unknown columns are an error,
     * so that a typo never silently drops data.
     */
    public static List<Row> rows(Table table, List<String> problems) {
        TableRow headerRow = table.header();
        String at = "line " + headerRow.line() + ": ";
        if (table.isEmpty()) {
            problems.add(at + "the file is empty; the first row must name the columns " + COLUMNS);
            return List.of();
        }
        List<String> header = headerRow.cells().stream().map(String::trim).toList();
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue;
            }
            String known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                problems.add(at + "unknown column '" + name + "'; the columns are " + COLUMNS);
            } else {
                columns.put(i, known);
            }
        }
        for (String required : List.of("code", "name", "level", "type")) {
            if (!columns.containsValue(required)) {
                problems.add(at + "the column '" + required + "' is missing");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (TableRow cells : table.body()) {
            Map<String, String> named = new LinkedHashMap<>();
            columns.forEach((index, column) -> named.put(column, cells.cell(index)));
            rows.add(new Row(cells.line(), named));
        }
        return rows;
    }

    /** The row as a request; {@code active=false} is reported separately, the rest is validated later. */
    public static UnitRequest toRequest(Row row) {
        Map<String, String> externalIds = new TreeMap<>();
        String ids = row.get("externalIds");
        if (ids != null) {
            for (String pair : ids.split("\\|")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    externalIds.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
                } else if (!pair.isBlank()) {
                    externalIds.put("", pair.trim()); // refused by validation: a system name is required
                }
            }
        }
        String aliases = row.get("aliases");
        return new UnitRequest(row.get("code"), row.get("name"), row.get("shortName"),
                aliases == null ? List.of() : Arrays.stream(aliases.split("\\|")).map(String::trim).filter(a -> !a.isEmpty()).toList(),
                enumOrNull(org.duban.unit.registry.UnitLevel.class, row.get("level")),
                enumOrNull(org.duban.unit.registry.UnitType.class, row.get("type")),
                row.get("parentCode"), row.get("divisionCode"), externalIds,
                new UnitRequest.ContactsRequest(row.get("email"), row.get("phone"), row.get("webhookUrl")));
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
