package org.duban.reminder.feed;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * A calendar as RFC 5545 text: validated by ical4j, CRLF line ends, and every content line folded at 75 octets of
 * UTF-8 (RFC 5545 §3.1) without splitting a character. ical4j folds by characters, which lets a line of Chinese
 * text grow to 225 octets; Outlook and some phone calendars cut such lines, so ical4j writes the lines unfolded
 * and they are folded here.
 */
public final class IcsText {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsText() {
    }

    public static String write(Calendar calendar) {
        StringWriter unfolded = new StringWriter();
        try {
            // the outputter only logs what its validation finds: a feed with errors must not go out
            ValidationResult result = calendar.validate();
            if (result.hasErrors()) {
                throw new IllegalStateException("the calendar feed is not valid RFC 5545: " + result);
            }
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, unfolded);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("the calendar feed is not valid RFC 5545: " + e.getMessage(), e);
        }
        StringBuilder folded = new StringBuilder(unfolded.getBuffer().length() + 256);
        for (String line : unfolded.toString().split("\r\n|\n")) {
            if (!line.isEmpty()) {
                fold(line, folded);
            }
        }
        return folded.toString();
    }

    /** Appends {@code line} as lines of at most 75 octets, each continuation starting with one space. */
    static void fold(String line, StringBuilder out) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
