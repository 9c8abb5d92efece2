package org.duban.tables;

/**
 * The file cannot be read as a table. The message is written for the person who sent the file;
 * when the problem has a place it starts with it ("line 4: …"), and {@link #reason()} is the
 * message without it.
 */
public class TableException extends RuntimeException {

    private final int line;
    private final String reason;

    public TableException(int line, String reason, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + reason : reason, cause);
        this.line = line;
        this.reason = reason;
    }

    public TableException(String reason, Throwable cause) {
        this(0, reason, cause);
    }

    /** The line or row the problem is on, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** What is wrong, without the line. */
    public String reason() {
        return reason;
    }
}
