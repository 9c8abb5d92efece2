package org.duban.task.domain;

import java.util.List;

/**
 * A plan document read into rows, whatever its format.
 *
 * @param preamble the notice above the task table (letterhead, document number, title, signature,
 *     date), one row per line or paragraph
 * @param rows the rows of the task table, page headers and all
 */
public record PlanSource(List<PlanRow> preamble, List<PlanRow> rows) {

    public PlanSource {
        preamble = List.copyOf(preamble);
        rows = List.copyOf(rows);
    }

    public static PlanSource empty() {
        return new PlanSource(List.of(), List.of());
    }

    /**
     * Splits rows of a format that has no separate notice part (text, sheet): the table starts at
     * the first row with two filled cells; everything above it is the notice.
     */
    public static PlanSource split(List<PlanRow> allRows) {
        int tableStart = allRows.size();
        for (int i = 0; i < allRows.size(); i++) {
            if (allRows.get(i).filledCells().size() >= 2) {
                tableStart = i;
                break;
            }
        }
        return new PlanSource(allRows.subList(0, tableStart), allRows.subList(tableStart, allRows.size()));
    }

    /** Nothing but blank lines, or nothing at all. */
    public boolean blank() {
        return preamble.stream().allMatch(PlanRow::blank) && rows.stream().allMatch(PlanRow::blank);
    }
}
