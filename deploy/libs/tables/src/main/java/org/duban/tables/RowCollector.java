package org.duban.tables;

import java.util.ArrayList;
import java.util.List;

/** Keeps the rows that hold anything, up to the limit below the header, and counts the rest. */
final class RowCollector {

    private final int maxRows;
    private final List<TableRow> kept = new ArrayList<>();
    private int bodyRows;

    RowCollector(int maxRows) {
        this.maxRows = maxRows;
    }

    void add(int line, List<String> cells) {
        TableRow row = new TableRow(line, cells);
        if (row.blank()) {
            return;
        }
        if (kept.isEmpty()) {
            kept.add(row);
        } else if (++bodyRows <= maxRows) {
            kept.add(row);
        }
    }

    Table table() {
        if (bodyRows > maxRows) {
            throw new TooManyRowsException(maxRows, bodyRows);
        }
        return new Table(kept);
    }
}
