package org.duban.task.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans the text of one cell. Plans reach us extracted from web pages, PDF and Word: cells keep
 * stray {@code <p>} tags and entities, full-width and no-break spaces, and line breaks where a
 * cell wrapped.
 */
final class CellText {

    /** A tag such as {@code <p>} or {@code </span>}; bounded so that a lone {@code <} in text stays. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^<>]{0,60}>");
    private static final Pattern ENTITY = Pattern.compile("&(nbsp|amp|lt|gt|quot|#\\d{1,6});");
    /** Whitespace next to a Chinese character or full-width punctuation carries no meaning. */
    private static final Pattern SPACE_BY_CJK =
            Pattern.compile("\\s+(?=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])|(?<=[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF])\\s+");
    private static final Pattern WRAPPED_LINE = Pattern.compile("\\s*\\R\\s*");

    private CellText() {
    }

    /** Tags and entities resolved, odd spaces made plain, wrapped lines joined, trimmed. */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = TAG.matcher(raw).replaceAll("");
        text = replaceEntities(text);
        text = text.replace('\u3000', ' ').replace('\u00A0', ' ').replace("\u200B", "").replace("\uFEFF", "");
        // a cell that wrapped onto the next line continues the same sentence
        text = WRAPPED_LINE.matcher(text).replaceAll("");
        return text.strip();
    }

    /** Full-width digits (as typed with a Chinese input method) become ASCII digits. */
    static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            out.append(ch >= '０' && ch <= '９' ? (char) ('0' + (ch - '０')) : ch);
        }
        return out.toString();
    }

    /** Without any whitespace: for matching numbers, dates and document numbers. */
    static String compact(String text) {
        return asciiDigits(clean(text)).replaceAll("\\s+", "");
    }

    /** {@code 安徽省 2022 年政务公开} → {@code 安徽省2022年政务公开}; spaces between Latin words stay. */
    static String withoutSpacesByCjk(String text) {
        return SPACE_BY_CJK.matcher(clean(text)).replaceAll("");
    }

    private static String replaceEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = switch (name) {
                case "nbsp" -> " ";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                default -> new String(Character.toChars(Integer.parseInt(name.substring(1))));
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
