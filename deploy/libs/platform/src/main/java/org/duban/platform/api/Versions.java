package org.duban.platform.api;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETag / If-Match for optimistic concurrency: a resource's ETag is its version, a write names the
 * version it read, and a stale one answers 412.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an {@code If-Match} header names; {@code "3"}, {@code W/"3"} and {@code 3} are
     * accepted. A missing header answers 428, a malformed one 400.
     */
    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("This write needs an If-Match header with the ETag you read");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be the ETag of the resource, e.g. \"3\"; got " + ifMatch);
        }
    }

    /** Answers 412 unless {@code expected} is the current version. */
    public static void check(long expected, long current, String what) {
        if (expected != current) {
            throw ProblemException.preconditionFailed(what + " was changed meanwhile (your version " + expected
                    + ", now " + current + "); read it again and retry");
        }
    }
}
