package org.duban.task.domain;

import java.util.List;

/**
 * One row of a plan document as a reader found it, before any interpretation: the cells of a
 * table row, or the single cell of a paragraph.
 *
 * @param line where a user finds the row again: the 1-based line of a text file, the row number of
 *     a sheet, or the row's position among all table rows of a Word document
 * @param cells the cells as written, markup and all
 */
public record PlanRow(int line, List<String> cells) {

    public PlanRow {
        cells = List.copyOf(cells);
    }

    /** The cells with markup stripped and whitespace trimmed, blank ones left out. */
    public List<String> filledCells() {
        return cells.stream().map(CellText::clean).filter(cell -> !cell.isEmpty()).toList();
    }

    public boolean blank() {
        return filledCells().isEmpty();
    }

    /** The row as one line of text, for a problem report. */
    public String text() {
        return String.join(" | ", filledCells());
    }
}
