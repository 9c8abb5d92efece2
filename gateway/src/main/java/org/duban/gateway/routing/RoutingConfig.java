package org.duban.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where each service lives, which paths it serves, and how long the gateway waits for it. */
@ConfigMapping(prefix = "duban.gateway")
public interface RoutingConfig {

    /** The route table, by service name. */
    Map<String, Service> services();

    /** How long to wait for a connection to a service before answering 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent while answering before the gateway answers 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * The same for an upload (see {@code upload-paths}): the service answers only once the whole file has
     * arrived and is stored, and Vert.x counts only the answer's bytes as activity, so a 50 MB file on a
     * slow line needs longer than {@code request-timeout} of silence.
     */
    @WithDefault("10m")
    Duration uploadTimeout();

    /**
     * Paths (a regular expression over the whole path) whose answers are event streams: they may stay silent for
     * {@code stream-timeout} instead of {@code request-timeout}. The live inbox sends a heartbeat every 15 s.
     */
    @WithDefault("/api/notifications/stream")
    String streamPaths();

    /** How long an event stream may stay silent before the gateway gives up on the service (the client reconnects). */
    @WithDefault("2m")
    Duration streamTimeout();

    /**
     * Paths (a regular expression over the whole path) whose answers may take long to come: a plan import (and its
     * dry run) answers only once every responsibility text of up to 1,000 tasks is resolved and laid out, which
     * can take minutes. They may stay silent for {@code long-timeout} instead of {@code request-timeout}.
     */
    @WithDefault("/api/plans/import/?")
    String longPaths();

    /** How long a service may stay silent while answering on a {@code long-paths} path before the gateway answers 504. */
    @WithDefault("10m")
    Duration longTimeout();

    interface Service {
        /** Base URL of the service, e.g. {@code http://task-service:8081}. */
        URI url();

        /** Path prefixes it serves, e.g. {@code /api/plans}; each matches itself and what lies below it. */
        List<String> prefixes();
    }
}
