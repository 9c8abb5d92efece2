package org.duban.tables;

/**
 * The file has more rows below its header than the reader was allowed to keep. The reader still
 * counts them all (keeping none past the limit), so that the sender learns how many there are.
 */
public class TooManyRowsException extends TableException {

    private final int limit;
    private final int found;

    public TooManyRowsException(int limit, int found) {
        super("at most " + limit + " rows below the header can be read; this file has " + found, null);
        this.limit = limit;
        this.found = found;
    }

    public int limit() {
        return limit;
    }

    /** Rows below the header that hold anything. */
    public int found() {
        return found;
    }
}
