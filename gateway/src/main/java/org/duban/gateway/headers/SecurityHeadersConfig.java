package org.duban.gateway.headers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The security headers of every answer (see {@link SecurityHeaders}). */
@ConfigMapping(prefix = "duban.gateway.headers")
public interface SecurityHeadersConfig {

    /**
     * {@code Strict-Transport-Security} on every answer: only where the gateway is reached over HTTPS (k8s, compose
     * behind TLS); off for the plain-HTTP local stack, where a browser would otherwise refuse localhost's HTTP later.
     */
    @WithDefault("false")
    boolean hsts();

    /** How long browsers keep to HTTPS ({@code max-age}), with {@code includeSubDomains}. */
    @WithDefault("365d")
    Duration hstsMaxAge();

    /** {@code Referrer-Policy}: links out of the console never carry its address (a task's page names the task). */
    @WithDefault("no-referrer")
    String referrerPolicy();

    /** Origins the console may call besides its own and Keycloak's (connect-src), e.g. a separate API host. */
    Optional<List<String>> connectSrc();
}
