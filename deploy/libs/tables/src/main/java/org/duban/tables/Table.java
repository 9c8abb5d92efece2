package org.duban.tables;

import java.util.List;

/**
 * The rows of a CSV file or a sheet that hold anything; rows with nothing but whitespace are left
 * out, but every row keeps its own line number. The first row is the header.
 */
public record Table(List<TableRow> rows) {

    public Table {
        rows = List.copyOf(rows);
    }

    public static Table empty() {
        return new Table(List.of());
    }

    /** No row holds anything. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The first row; for an empty table a row without cells on line 1. */
    public TableRow header() {
        return rows.isEmpty() ? new TableRow(1, List.of()) : rows.getFirst();
    }

    /** The rows below the header. */
    public List<TableRow> body() {
        return rows.isEmpty() ? List.of() : rows.subList(1, rows.size());
    }
}
