package org.duban.reminder.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Webhooks are for the office and the OA integrator only: with real signed tokens, no token (or a
 * forged or expired one) is 401 and a viewer or a unit's staff is 403 on every endpoint — also for a
 * subscription that exists, so a refusal tells nothing about it.
 */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WebhookAuthorizationTest {

    private final WebhookApi api = new WebhookApi();

    @AfterEach
    void removeWhatTheTestMade() {
        api.deleteAll();
        given().auth().oauth2(TestTokens.admin()).queryParam("unit", "authz-probe").queryParam("size", 500)
                .when().get("/api/webhooks").then().extract().jsonPath().getList("items.id", Long.class)
                .forEach(id -> given().auth().oauth2(TestTokens.admin()).delete("/api/webhooks/{id}", id));
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,    /api/webhooks,                 anonymous,  401",
            "GET,    /api/webhooks,                 forged,     401",
            "GET,    /api/webhooks,                 expired,    401",
            "GET,    /api/webhooks,                 viewer,     403",
            "GET,    /api/webhooks,                 unit,       403",
            "GET,    /api/webhooks,                 integrator, 200",
            "GET,    /api/webhooks,                 admin,      200",
            "POST,   /api/webhooks,                 anonymous,  401",
            "POST,   /api/webhooks,                 viewer,     403",
            "POST,   /api/webhooks,                 unit,       403",
            "POST,   /api/webhooks,                 integrator, 201",
            "POST,   /api/webhooks,                 admin,      201",
            "GET,    /api/webhooks/{id},            anonymous,  401",
            "GET,    /api/webhooks/{id},            viewer,     403",
            "GET,    /api/webhooks/{id},            unit,       403",
            "GET,    /api/webhooks/{id},            integrator, 200",
            "GET,    /api/webhooks/{id},            admin,      200",
            "DELETE, /api/webhooks/{id},            anonymous,  401",
            "DELETE, /api/webhooks/{id},            viewer,     403",
            "DELETE, /api/webhooks/{id},            unit,       403",
            "DELETE, /api/webhooks/{id},            integrator, 204",
            "DELETE, /api/webhooks/{id},            admin,      204",
            "GET,    /api/webhooks/{id}/deliveries, anonymous,  401",
            "GET,    /api/webhooks/{id}/deliveries, viewer,     403",
            "GET,    /api/webhooks/{id}/deliveries, unit,       403",
            "GET,    /api/webhooks/{id}/deliveries, integrator, 200",
            "GET,    /api/webhooks/{id}/deliveries, admin,      200",
    })
    void matrix(String method, String path, String caller, int status) {
        long existing = api.subscribe("http://127.0.0.1:9/authz", null, List.of(), "authz-probe");
        RequestSpecification request = as(caller).contentType(ContentType.JSON);
        if (method.equals("POST")) {
            request.body(Map.of("url", "http://127.0.0.1:9/authz-created", "events", List.of("OVERDUE"),
                    "unitCode", "authz-probe"));
        }
        var response = request.when().request(method, path.replace("{id}", Long.toString(existing)))
                .then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
        if (status == 403 && method.equals("DELETE")) {
            given().auth().oauth2(TestTokens.admin()).when().get("/api/webhooks/{id}", existing).then().statusCode(200);
        }
    }

    static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.admin().replaceFirst("\\.[^.]+$", ".Zm9yZ2Vk"));
            case "expired" -> given().auth().oauth2(TestTokens.expired("office", List.of("admin")));
            case "viewer" -> given().auth().oauth2(TestTokens.viewer());
            case "unit" -> given().auth().oauth2(TestTokens.unit("gov-340100"));
            case "integrator" -> given().auth().oauth2(TestTokens.integrator());
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
