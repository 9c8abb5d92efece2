package org.duban.task.domain;

import org.duban.platform.api.TextBodies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a plan extracted to plain text: one table row per line, cells separated by tabs, the
 * notice as the lines above the first row.
 */
public final class PlanTextReader {

    /** What Chinese Windows tools save text as when they are not told to use UTF-8. */

    public PlanSource read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\\R", -1);
        List<PlanRow> rows = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            rows.add(new PlanRow(i + 1, Arrays.asList(lines[i].split("\t", -1))));
        }
        return PlanSource.split(rows);
    }

    /** UTF-8, or GB18030 when the bytes are not valid UTF-8. */
    public PlanSource read(InputStream in) {
        try {
            return read(TextBodies.decode(in.readAllBytes(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
