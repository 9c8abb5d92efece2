package org.duban.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the console (督办台) is told at start: where the browser logs in. */
@ConfigMapping(prefix = "duban.gateway.console")
public interface ConsoleConfig {

    /**
     * The Keycloak realm as the browser reaches it, e.g. {@code https://sso.example.gov.cn/realms/duban}; by default
     * the gateway's own {@code quarkus.oidc.auth-server-url} (right wherever the browser and the gateway see Keycloak
     * at the same address, as on {@code ./duban up}).
     */
    String authServerUrl();

    /** The public client the console logs in as (authorization code with PKCE). */
    @WithDefault("duban-web")
    String clientId();
}
