package org.duban.task.domain;

/**
 * Something in a plan document that stops it from being imported as it is.
 *
 * @param line the row or line it is on; 0 for the document as a whole
 * @param text the row as found (shortened when long), so that the office can find it
 * @param reason an English sentence saying what is wrong
 */
public record LineProblem(int line, String text, String reason) {

    private static final int MAX_TEXT = 80;

    public static LineProblem document(String reason) {
        return new LineProblem(0, "", reason);
    }

    public static LineProblem at(PlanRow row, String reason) {
        String text = row.text();
        return new LineProblem(row.line(), text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text, reason);
    }
}
