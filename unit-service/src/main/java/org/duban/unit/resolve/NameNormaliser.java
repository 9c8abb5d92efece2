package org.duban.unit.resolve;

/**
 * The one place that decides which characters of a name matter. Texts come from PDF, Word
 * and web pages: whitespace (full-width included), stray markup such as {@code <p>} and
 * HTML entities are dropped; ASCII brackets, commas and semicolons become their full-width
 * forms. Names in the directory and texts given to the parser go through the same rules,
 * so every spelling variant meets the same key.
 */
public final class NameNormaliser {

    /** Longest markup tag we are willing to skip; anything longer is kept as text and reported. */
    private static final int MAX_TAG_LENGTH = 64;

    private NameNormaliser() {
    }

    public static String normalise(String text) {
        Cleaned cleaned = clean(text);
        return new String(cleaned.chars(), 0, cleaned.length());
    }

    /**
     * The normalised text, with for every kept character the index it came from, so that the
     * parser can hand back pieces of the original text.
     */
    static Cleaned clean(String text) {
        int n = text.length();
        char[] chars = new char[n];
        int[] origin = new int[n];
        int length = 0;
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            int skip = ch == '<' ? tagLength(text, i) : ch == '&' ? entityLength(text, i) : 0;
            if (skip > 0) {
                i += skip;
                continue;
            }
            if (!ignorable(ch)) {
                chars[length] = fullWidth(ch);
                origin[length] = i;
                length++;
            }
            i++;
        }
        return new Cleaned(chars, origin, length);
    }

    record Cleaned(char[] chars, int[] origin, int length) {
    }

    private static boolean ignorable(char ch) {
        return Character.isWhitespace(ch) || Character.isSpaceChar(ch)
                || (ch >= '\u200B' && ch <= '\u200D') || ch == '\uFEFF';
    }

    private static char fullWidth(char ch) {
        return switch (ch) {
            case '(' -> '（';
            case ')' -> '）';
            case ',' -> '，';
            case ';' -> '；';
            default -> ch;
        };
    }

    /** {@code <p>}, {@code </p>}, {@code <br/>}, {@code <span class="x">}: length, or 0 when not a tag. */
    private static int tagLength(String text, int start) {
        int i = start + 1;
        if (i < text.length() && text.charAt(i) == '/') {
            i++;
        }
        if (i >= text.length() || !isAsciiLetter(text.charAt(i))) {
            return 0;
        }
        int limit = Math.min(text.length(), start + MAX_TAG_LENGTH);
        for (; i < limit; i++) {
            char ch = text.charAt(i);
            if (ch == '>') {
                return i - start + 1;
            }
            if (ch == '<') {
                return 0;
            }
        }
        return 0;
    }

    /** {@code &nbsp;}, {@code &#12288;}, {@code &#x3000;}: length, or 0 when not an entity. */
    private static int entityLength(String text, int start) {
        int limit = Math.min(text.length(), start + 10);
        for (int i = start + 1; i < limit; i++) {
            char ch = text.charAt(i);
            if (ch == ';') {
                return i > start + 2 ? i - start + 1 : 0;
            }
            if (!(isAsciiLetter(ch) || (ch >= '0' && ch <= '9') || (ch == '#' && i == start + 1))) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
}
