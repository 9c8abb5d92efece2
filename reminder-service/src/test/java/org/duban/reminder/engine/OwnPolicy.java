package org.duban.reminder.engine;

import io.restassured.http.ContentType;
import org.duban.testsupport.TestTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Gives a test's plan a policy of its own (DUE_TODAY, one day's lead, OVERDUE once, ESCALATION after 14 days). */
final class OwnPolicy {

    private OwnPolicy() {
    }

    static void give(long plan) {
        var current = given().auth().oauth2(TestTokens.admin()).when().get("/api/reminder-policies/" + plan)
                .then().statusCode(200).extract();
        var put = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("leadDays", List.of(1), "onDueDate", true, "overdueRepeatDays", 0, "escalateAfterDays", 14));
        if ("own".equals(current.header("X-Policy-Source"))) {
            put.header("If-Match", current.header("ETag"));
        }
        put.when().put("/api/reminder-policies/" + plan).then().statusCode(200);
    }
}
