package org.duban.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "duban.gateway")
public interface GatewayConfig {

    /** The route table, by service name. */
    Map<String, Service> services();

    /** How long to wait for a connection to a service before answering 502. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** How long a service may stay silent while answering before the gateway answers 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** The largest request body the gateway forwards; a larger one is answered 413 before it reaches a service. */
    @WithDefault("10M")
    MemorySize maxRequestSize();

    RateLimit rateLimit();

    OpenApi openapi();

    interface Service {
        /** Base URL of the service, e.g. {@code http://task-service:8081}. */
        URI url();

        /** Path prefixes it serves, e.g. {@code /api/plans}; each matches itself and what lies below it. */
        List<String> prefixes();
    }

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

    /** The merged OpenAPI document at /q/openapi. */
    interface OpenApi {
        /** How long a merged document is served before the services are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long each service may take to hand over its document; a slower one is left out. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** The realm's authorization endpoint, where Swagger UI sends the browser to log in. */
        @WithDefault("http://localhost:8180/realms/duban/protocol/openid-connect/auth")
        URI authorizationUrl();

        /** The realm's token endpoint, where Swagger UI exchanges the code (with the PKCE verifier). */
        @WithDefault("http://localhost:8180/realms/duban/protocol/openid-connect/token")
        URI tokenUrl();
    }
}
