package org.duban.gateway.openapi;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** The merged OpenAPI document at /q/openapi. */
@ConfigMapping(prefix = "duban.gateway.openapi")
public interface OpenApiConfig {

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
