package org.duban.task.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the content of evidence files lives, under keys the {@code attachment} rows name. Every
 * method streams: nothing holds a whole file in memory. {@link Evidence} calls {@link #put} inside the
 * upload's transaction, before the row is written; a store that is not {@link #transactional()} has
 * what it wrote removed again when that transaction does not commit.
 */
public interface EvidenceStore {

    /** What the rows record as their storage: {@code postgres}, {@code s3}. */
    String name();

    /** Whether put and delete take part in the database transaction (so a rollback leaves nothing behind by itself). */
    boolean transactional();

    /** Stores {@code size} bytes from {@code content} under {@code key}. */
    void put(String key, Path content, long size, EvidenceType type) throws IOException;

    /** The content stored under {@code key}, which has {@code size} bytes; an answer cut short fails instead of ending early. */
    InputStream open(String key, long size) throws IOException;

    /** Removes {@code key}; a key that is not there is no error. */
    void delete(String key) throws IOException;
}
