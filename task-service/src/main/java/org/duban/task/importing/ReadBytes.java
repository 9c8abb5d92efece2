package org.duban.task.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The readers look at the whole upload first so that an empty one is an empty document, not a broken file. */
final class ReadBytes {

    private ReadBytes() {
    }

    static byte[] all(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
