package org.duban.reminder.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Managing subscriptions as an integrator does: create, read, list, delete; and what a bad request is told. */
@QuarkusTest
@TestProfile(WebhookTestProfile.class)
class WebhookResourceTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EntityManager em;

    private final WebhookApi api = new WebhookApi();

    @AfterEach
    void removeWhatTheTestMade() {
        api.deleteAll();
    }

    private static RequestSpecification integrator() {
        return given().auth().oauth2(TestTokens.integrator()).contentType(ContentType.JSON);
    }

    @Test
    void theSecretIsGeneratedAndShownOnlyInTheCreatedAnswer() {
        String unit = WebhookApi.freshUnit();
        var created = integrator().body(Map.of("url", "https://oa.hefei.gov.cn/hooks/duban", "events", List.of("OVERDUE", "ESCALATION"),
                        "unitCode", unit))
                .when().post("/api/webhooks")
                .then().statusCode(201)
                .body("url", equalTo("https://oa.hefei.gov.cn/hooks/duban"))
                .body("events", equalTo(List.of("OVERDUE", "ESCALATION")))
                .body("unitCode", equalTo(unit))
                .body("active", equalTo(true))
                .body("createdBy", equalTo("service-account-duban-integrator"))
                .extract();
        long id = created.jsonPath().getLong("id");
        api.adopt(id);
        assertTrue(created.header("Location").endsWith("/api/webhooks/" + id), created.header("Location"));
        String secret = created.jsonPath().getString("secret");
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);

        integrator().when().get(created.header("Location"))
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("secret", equalTo("whsec_********" + secret.substring(secret.length() - 4)))
                .body("disabledReason", nullValue());
        integrator().queryParam("unit", unit).when().get("/api/webhooks")
                .then().statusCode(200).body("items[0].secret", equalTo("whsec_********" + secret.substring(secret.length() - 4)));
    }

    @Test
    void aGivenSecretIsKeptAndEventsDefaultToEverything() {
        long id = integrator().body(Map.of("url", "http://oa.example.gov.cn:8443/duban?token=1", "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .when().post("/api/webhooks")
                .then().statusCode(201)
                .body("secret", equalTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .body("events", hasSize(0))
                .body("unitCode", nullValue())
                .extract().jsonPath().getLong("id");
        api.adopt(id);
    }

    @Test
    void theListIsPagedAndFiltered() {
        String unit = WebhookApi.freshUnit();
        long first = api.subscribe("https://oa.example.gov.cn/a", null, List.of(), unit);
        long second = api.subscribe("https://oa.example.gov.cn/b", null, List.of("*"), unit);
        long third = api.subscribe("https://oa.example.gov.cn/c", null, List.of("DUE_SOON"), unit);

        integrator().queryParam("unit", unit).queryParam("size", 2).when().get("/api/webhooks")
                .then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3))
                .body("items.id", equalTo(List.of((int) first, (int) second)));
        integrator().queryParam("unit", unit).queryParam("size", 2).queryParam("page", 1).when().get("/api/webhooks")
                .then().statusCode(200).body("items.id", equalTo(List.of((int) third)));
        integrator().queryParam("unit", unit).queryParam("active", false).when().get("/api/webhooks")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void deletingRemovesTheSubscriptionWithItsDeliveries() {
        String unit = WebhookApi.freshUnit();
        long id = api.subscribe("http://127.0.0.1:9/nobody-listens", null, List.of(), unit);
        QuarkusTransaction.requiringNew().run(() -> dispatcher.enqueue(unit, Set.of("OVERDUE"), "duban.notification.sent",
                "msg_delete-" + unit, null));
        integrator().when().get("/api/webhooks/{id}/deliveries", id).then().statusCode(200).body("total", equalTo(1));

        integrator().when().delete("/api/webhooks/{id}", id).then().statusCode(204);

        integrator().when().get("/api/webhooks/{id}", id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no webhook " + id));
        integrator().when().get("/api/webhooks/{id}/deliveries", id).then().statusCode(404);
        integrator().when().delete("/api/webhooks/{id}", id).then().statusCode(404);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?1").setParameter(1, id).getSingleResult()).longValue());
        assertEquals(0, left);
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "url      | ''                                   | url       | must not be empty",
            "url      | /hooks/duban                         | url       | must be an absolute http or https URL",
            "url      | ftp://oa.example.gov.cn/in           | url       | must use http or https, not ftp",
            "url      | http:///hooks                        | url       | must name a host",
            "url      | https://oa.example.gov.cn/a#frag     | url       | must not have a #fragment",
            "url      | 'https://oa example/'                | url       | is not a valid URL",
            "secret   | MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw     | secret    | starting with the prefix whsec_",
            "secret   | whsec_c2hvcnQ=                       | secret    | must decode to 24 to 64 bytes",
            "secret   | whsec_%%%                            | secret    | must be standard base64",
            "unitCode | 合肥市人民政府                        | unitCode  | must be a unit code",
    })
    void anInvalidFieldIsNamed(String field, String value, String errorField, String message) {
        Map<String, Object> body = new HashMap<>(Map.of("url", "https://oa.example.gov.cn/hooks", "events", List.of()));
        body.put(field, value);
        integrator().body(body).when().post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(errorField))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void everyInvalidFieldIsNamedAtOnce() {
        integrator().body(Map.of("url", "mailto:office@example.gov.cn", "secret", "plain-secret",
                        "events", List.of("OVERDUE", "LATE", "overdue"), "unitCode", "X"))
                .when().post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("5 fields are invalid"))
                .body("errors.field", hasItems("url", "secret", "events[1]", "events[2]", "unitCode"))
                .body("errors.find { it.field == 'events[1]' }.message", containsString("DUE_SOON, DUE_TODAY, OVERDUE, "
                        + "ESCALATION, PROGRESS_REPORT_DUE, ACKNOWLEDGE_DUE, MILESTONE_DUE, MILESTONE_OVERDUE, URGE, duban.notification.sent or *; got LATE"));
    }

    @Test
    void malformedRequestsAnswerProblemsNotServerErrors() {
        integrator().body("{\"url\": ").when().post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("urn:duban:problem:malformed-body"));
        integrator().body("{\"url\": \"https://oa.example.gov.cn/\", \"events\": \"OVERDUE\"}").when().post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("events"));
        integrator().when().post("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json");
        integrator().when().get("/api/webhooks/not-a-number")
                .then().statusCode(404).contentType("application/problem+json");
        integrator().when().get("/api/webhooks/987654321")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("There is no webhook 987654321"));
        long id = api.subscribe("https://oa.example.gov.cn/x", null, List.of(), WebhookApi.freshUnit());
        integrator().queryParam("status", "LOST").when().get("/api/webhooks/{id}/deliveries", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        integrator().queryParam("size", 501).when().get("/api/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperationAndField() {
        JsonPath openapi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openapi.getMap("paths");
        for (String path : List.of("/api/webhooks", "/api/webhooks/{id}", "/api/webhooks/{id}/deliveries")) {
            paths.get(path).forEach((method, operation) -> {
                String where = method + " " + path;
                assertTrue(operation.get("summary") != null && operation.get("description") != null, where + " is described");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                responses.forEach((code, response) -> {
                    assertTrue(response.get("description") != null, where + " " + code + " is described");
                    if (!code.equals("204") && !code.equals("400")) {
                        assertTrue(response.toString().contains("examples"), where + " " + code + " has an example");
                    }
                });
            });
        }
        for (String schema : List.of("Webhook", "WebhookRequest", "WebhookDelivery", "WebhookAttempt")) {
            Map<String, Map<String, Object>> properties = openapi.getMap("components.schemas." + schema + ".properties");
            assertTrue(properties != null && !properties.isEmpty(), schema + " is in the document");
            properties.forEach((name, property) -> {
                assertTrue(property.get("description") != null, schema + "." + name + " is described");
                if (!name.equals("attemptLog")) {
                    // OpenAPI 3.1 lists a schema's examples in "examples"; 3.0 had "example"
                    assertTrue(property.get("examples") != null || property.get("example") != null,
                            schema + "." + name + " has an example: " + property);
                }
            });
        }
    }
}
