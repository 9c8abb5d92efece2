package org.duban.task.evidence;

import java.nio.charset.StandardCharsets;

/** File names as uploaded, cleaned for storing, and as a download names them (RFC 6266 with RFC 5987's filename*). */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /**
     * The last segment of what the client sent ({@code C:\fakepath\报告.pdf} → {@code 报告.pdf}), without
     * control characters, at most {@value #MAX_LENGTH} characters (the end, with the extension, is
     * kept); {@code attachment.<ext>} when nothing is left.
     */
    static String clean(String sent, EvidenceType type) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isISOControl(c) && c != 0xFEFF).forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "attachment." + type.extension();
        }
        if (name.length() > MAX_LENGTH) {
            name = name.substring(name.length() - MAX_LENGTH);
        }
        return name;
    }

    /**
     * {@code attachment; filename="…"; filename*=UTF-8''…}: the plain name for old clients (the name
     * itself when it is printable ASCII, else {@code fallback}), the real one percent-encoded.
     */
    static String contentDisposition(String name, String fallback) {
        boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\');
        return "attachment; filename=\"" + (ascii ? name : fallback) + "\"; filename*=UTF-8''" + encode(name);
    }

    /** RFC 5987 value-chars: attr-chars as they are, every other byte of the UTF-8 as %XX. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
