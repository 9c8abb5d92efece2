package org.duban.systemtest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The hostile values of the campaign. None of them is a valid value of any Duban field that a write
 * could store: ids that do not parse or do not exist, dates that are no dates, enum values that are no
 * members, injection strings where codes and instants are expected. Path and query values are
 * percent-encoded as UTF-8 unless they are {@linkplain Value#raw raw}: then they go into the target as
 * written (broken escapes, escaped bytes that are no UTF-8, dot segments).
 */
final class HostileValues {

    /**
     * A value, whether it goes into a URL as written (already escaped, or meant to be broken), and whether
     * it makes the request line malformed HTTP (a broken escape, a raw byte over 0x7F).
     */
    record Value(String label, String text, boolean raw, boolean malformed) {

        Value(String label, String text, boolean raw) {
            this(label, text, raw, false);
        }

        /** How the value appears in a request target. */
        String inTarget() {
            return raw ? text : encode(text);
        }
    }

    /** SQL, path traversal, template and script injection, as text. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "1; DROP TABLE assignment; --",
            "1' UNION SELECT null, version() --",
            "\\'; SELECT pg_sleep(0); --",
            "../../../../etc/passwd",
            "..\\..\\..\\windows\\win.ini",
            "file:///etc/passwd",
            "${jndi:ldap://127.0.0.1:1/a}",
            "{{7*7}}",
            "#{7*7}",
            "<%= 7*7 %>",
            "${T(java.lang.Runtime).getRuntime()}",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "%s%s%s%n%x",
            "{\"$gt\": \"\"}",
            "a\r\nX-Injected: 1");

    /** Characters no Duban value holds, or that break naive handling of text. */
    static final List<String> ODD_TEXT = List.of(
            "a\u0000b",
            "\u0000",
            "\u0001\u0002\u001b\u001f\u007f",
            "\t\n\r",
            "合肥\u202Eexe.txt",
            "\uD83D\uDE00\uD840\uDC00",
            "\uFEFF\uFFFE\uFFFF",
            "",
            " ",
            "０１２");

    /** Neither numbers a Duban id can be, nor numbers at all. */
    static final List<String> NOT_IDS = List.of(
            "-1", "0", "1.5", "1e309", "NaN", "Infinity", "99999999999999999999", "-9223372036854775809",
            "0x1F", "1_000", "abc", "true", "null", "[]");

    /** No dates, or no dates that exist. */
    static final List<String> NOT_DATES = List.of(
            "2022-02-30", "2022-13-01T00:00:00Z", "9999999-01-01", "2022-06-23T09:00:00+25:00", "now", "2022/06/23",
            "-2022-06-23", "2022-06-23T24:61:61");

    /** Neither true nor false. */
    static final List<String> NOT_BOOLEANS = List.of("yes", "TRUE ", "1", "on", "ja");

    /** Escapes that decode to no UTF-8, escapes that are broken, dot segments and separators in disguise. */
    static final List<Value> RAW = List.of(
            new Value("percent alone", "%", true, true),
            new Value("broken escape", "%G1", true, true),
            new Value("half escape", "ab%4", true, true),
            new Value("raw UTF-8 bytes", "合肥", true, true),
            new Value("not UTF-8", "%C3%28", true),
            new Value("bytes FF FE", "%FF%FE", true),
            new Value("lone surrogate", "%ED%A0%80", true),
            new Value("overlong slash", "%C0%AF", true),
            new Value("escaped NUL", "%00", true),
            new Value("double-escaped NUL", "%2500", true),
            new Value("escaped dot segments", "%2e%2e%2f%2e%2e%2fq%2fhealth", true),
            new Value("dot segment", "..", true),
            new Value("escaped slash", "a%2Fb", true),
            new Value("escaped backslash", "..%5C..%5C", true),
            new Value("matrix parameter", "1;jsessionid=0", true));

    private HostileValues() {
    }

    /** Every value for a path or query parameter of the given OpenAPI type, as a list to draw from. */
    static List<Value> forParameter(String type, String format) {
        List<Value> values = new ArrayList<>();
        INJECTIONS.forEach(v -> values.add(new Value("injection", v, false)));
        ODD_TEXT.forEach(v -> values.add(new Value("odd text", v, false)));
        values.addAll(RAW);
        if ("integer".equals(type) || "number".equals(type)) {
            NOT_IDS.forEach(v -> values.add(new Value("not an id", v, false)));
        } else if ("boolean".equals(type)) {
            NOT_BOOLEANS.forEach(v -> values.add(new Value("not a boolean", v, false)));
        } else if (format != null && format.startsWith("date")) {
            NOT_DATES.forEach(v -> values.add(new Value("not a date", v, false)));
        } else {
            NOT_IDS.forEach(v -> values.add(new Value("number-like", v, false)));
            NOT_DATES.forEach(v -> values.add(new Value("date-like", v, false)));
        }
        return values;
    }

    /** Long values: one that stays under the gateway's 4096-character request line, and some that do not. */
    static List<Value> longOnes() {
        return List.of(
                new Value("3,000 letters", "a".repeat(3000), false),
                new Value("1,000 Chinese characters (9,000 escaped)", "合".repeat(1000), false),
                new Value("5,000 letters", "x".repeat(5000), false));
    }

    /** Draws {@code n} distinct values (fewer if there are fewer), the same ones for the same random. */
    static List<Value> draw(List<Value> from, int n, Random random) {
        List<Value> pool = new ArrayList<>(from);
        List<Value> drawn = new ArrayList<>();
        while (drawn.size() < n && !pool.isEmpty()) {
            drawn.add(pool.remove(random.nextInt(pool.size())));
        }
        return drawn;
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes; only unreserved characters stay as they are. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** Bytes: {@code before}, then the raw bytes, then {@code after}. */
    static byte[] bytes(String before, int[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (int b : raw) {
            out.write(b);
        }
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
