package org.duban.gateway.headers;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer carries the hardening headers: the console's strict policy (no inline script, only the gateway and
 * Keycloak to connect to, no framing), the API's run-nothing policy, nosniff and the referrer policy; HSTS only when
 * switched on.
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void theConsolesPagesHaveAStrictPolicy() {
        String keycloak = SecurityHeaders.origin(TestTokens.issuer());
        for (String path : new String[] {"/", "/plans/1/board", "/console-config.json", "/assets/missing-file.js"}) {
            String policy = given().when().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", nullValue())
                    .extract().header("Content-Security-Policy");
            List<String> directives = List.of(policy.split("; "));
            assertTrue(directives.contains("script-src 'self'"), policy);
            assertTrue(directives.contains("frame-ancestors 'none'"), policy);
            assertTrue(directives.contains("connect-src 'self' " + keycloak), policy);
            assertTrue(directives.contains("object-src 'none'"), policy);
            assertTrue(directives.contains("base-uri 'none'"), policy);
            assertTrue(!policy.contains("unsafe-eval") && !policy.matches(".*script-src[^;]*unsafe-inline.*"), policy);
            assertTrue(directives.contains("style-src-elem 'self'"), "no inline <style> elements: " + policy);
        }
    }

    @Test
    void theApiRunsNothingAndQuarkusPagesCannotBeFramed() {
        given().when().get("/api/nothing-here").then().statusCode(404)
                .header("Content-Security-Policy", equalTo(SecurityHeaders.API_POLICY))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        given().when().get("/api/units").then()
                .header("Content-Security-Policy", equalTo(SecurityHeaders.API_POLICY))
                .header("X-Content-Type-Options", "nosniff");
        given().when().get("/q/health/live").then().statusCode(200)
                .header("Content-Security-Policy", equalTo(SecurityHeaders.QUARKUS_POLICY))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theRealmsOriginIsWhatTheConsoleMayConnectTo() {
        assertEquals("https://auth.duban.example", SecurityHeaders.origin("https://auth.duban.example/realms/duban"));
        assertEquals("http://localhost:8180", SecurityHeaders.origin("http://localhost:8180/realms/duban"));
        assertTrue(SecurityHeaders.consolePolicy("https://sso.gov.cn:8443/realms/duban", List.of("https://api.gov.cn"))
                .contains("connect-src 'self' https://sso.gov.cn:8443 https://api.gov.cn;"));
    }
}
