package org.duban.gateway.traffic;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The limits every request under /api meets before it reaches a service. */
@ConfigMapping(prefix = "duban.gateway")
public interface TrafficConfig {

    /** The largest request body the gateway forwards; a larger one is answered 413 before it reaches a service. */
    @WithDefault("10M")
    MemorySize maxRequestSize();

    /**
     * The largest body of an upload ({@code POST} to a path matching {@link #uploadPaths()}): evidence files
     * up to task-service's {@code duban.evidence.max-size} (50 MB) and the form around them. Streamed through
     * like any body, never held.
     */
    @WithDefault("51M")
    MemorySize maxUploadSize();

    /** A regular expression for the paths that take uploads: task-service's evidence files. */
    @WithDefault("/api/assignments/[^/]+/attachments/?")
    String uploadPaths();

    /**
     * The longest request line (method, target and version) answered normally; a longer one is a 414
     * problem. Vert.x' own cap, {@code quarkus.http.limits.max-initial-line-length}, stays well above it.
     */
    @WithDefault("4096")
    int maxRequestLine();

    /**
     * The most bytes of header fields answered normally; more is a 431 problem. Vert.x' own cap,
     * {@code quarkus.http.limits.max-header-size}, stays well above it.
     */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    RateLimit rateLimit();

    /** A token bucket per client (the token's azp and sub, else the remote address) on everything under /api. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per client. */
        @WithDefault("20")
        double requestsPerSecond();

        /** Requests a client may make at once after being quiet (a dashboard loading its panels). */
        @WithDefault("60")
        int burst();

        /** At most this many clients are tracked; beyond it the newcomers share one bucket. */
        @WithDefault("100000")
        int maxClients();

        /** How often buckets that have refilled (and so mean nothing) are dropped. */
        @WithDefault("60s")
        Duration evictEvery();
    }
}
