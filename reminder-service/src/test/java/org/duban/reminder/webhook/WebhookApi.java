package org.duban.reminder.webhook;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.duban.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The webhook API as an integrator uses it; remembers what it created so that a test can clean up. */
final class WebhookApi {

    private final List<Long> created = new ArrayList<>();

    /** A unit code no other test uses, so that only this test's subscriptions match. */
    static String freshUnit() {
        return "hook-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long subscribe(String url, String secret, List<String> events, String unitCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("secret", secret);
        body.put("events", events);
        body.put("unitCode", unitCode);
        long id = given().auth().oauth2(TestTokens.integrator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/webhooks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        created.add(id);
        return id;
    }

    /** Remembers a subscription made another way, to delete it too. */
    void adopt(long id) {
        created.add(id);
    }

    static JsonPath webhook(long id) {
        return given().auth().oauth2(TestTokens.integrator()).when().get("/api/webhooks/{id}", id)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath deliveries(long id) {
        return given().auth().oauth2(TestTokens.integrator()).queryParam("size", 500)
                .when().get("/api/webhooks/{id}/deliveries", id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The subscription's only delivery (the newest, if there are several). */
    static JsonPath delivery(long id) {
        JsonPath page = deliveries(id);
        return page.getInt("total") == 0 ? null : page.setRootPath("items[0]");
    }

    void deleteAll() {
        for (long id : created) {
            given().auth().oauth2(TestTokens.admin()).when().delete("/api/webhooks/{id}", id);
        }
        created.clear();
    }
}
