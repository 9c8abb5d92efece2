package org.duban.platform.api;

/**
 * A route that takes request bodies larger than {@code duban.http.max-request-size}: an upload whose
 * resource reads the body as a stream and counts it itself. A service declares one as a bean;
 * {@link RequestSizeLimit} then refuses a declared {@code Content-Length} on that route only above
 * {@link #maxRequestSize()}. {@code quarkus.http.limits.max-body-size} must be at least as large, or
 * Quarkus refuses the body before the resource sees it.
 */
public interface LargeBodyRoute {

    /** Whether a request with this method and path (no query) goes to the route. */
    boolean matches(String method, String path);

    /** The largest body, in bytes, the route takes. */
    long maxRequestSize();
}
