package org.duban.tables;

import java.util.List;

/**
 * One row of a table as read, before any interpretation.
 *
 * @param line where a user finds the row again: the 1-based line of a CSV file on which the row
 *     starts (a quoted line break inside a cell moves the rows after it down), or the row number
 *     Excel shows for a sheet
 * @param cells the cells as written (CSV) or as Excel displays them (XLSX); trailing empty cells
 *     may be missing, {@link #cell(int)} reads them as empty
 */
public record TableRow(int line, List<String> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code index} (0-based), or "" past the end of the row. */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** Nothing but whitespace in every cell. */
    public boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
