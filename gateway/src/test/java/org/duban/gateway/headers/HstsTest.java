package org.duban.gateway.headers;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Production (duban.gateway.headers.hsts=true, as k8s and compose set it): HTTPS only, for a year, subdomains too. */
@QuarkusTest
@TestProfile(HstsTest.Production.class)
class HstsTest {

    @Test
    void strictTransportSecurityIsOnEveryAnswer() {
        for (String path : new String[] {"/", "/api/nothing-here", "/q/health/live"}) {
            given().when().get(path).then()
                    .header("Strict-Transport-Security", equalTo("max-age=31536000; includeSubDomains"))
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("duban.gateway.headers.hsts", "true");
        }
    }
}
