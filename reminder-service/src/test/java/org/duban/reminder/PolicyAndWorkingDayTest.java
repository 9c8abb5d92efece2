package org.duban.reminder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plan's own policy, validated; and a reminder that falls on a day off going out on the next working day. */
@QuarkusTest
class PolicyAndWorkingDayTest {

    @Inject
    Rows rows;

    long count(String sql, Object... params) {
        return rows.count(sql, params);
    }

    @Test
    void invalidPoliciesAreRefusedFieldByField() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("leadDays", List.of(0, 400, 7, 7), "sendAt", "9am", "zone", "Mars/Base",
                        "ongoingReportEvery", "monthly", "overdueRepeatDays", -1))
                .when().put("/api/reminder-policies/777001").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("leadDays[0]", "leadDays[1]", "leadDays[3]", "sendAt", "zone",
                        "ongoingReportEvery", "overdueRepeatDays"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"leadDays\": \"soon\"}")
                .when().put("/api/reminder-policies/777001").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/reminder-policies/plan-x").then().statusCode(404)
                .contentType("application/problem+json");
        // nothing was stored: the plan still follows the default
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/reminder-policies/777001").then().statusCode(200)
                .header("X-Policy-Source", "default").body("leadDays", equalTo(List.of(30, 7, 1)))
                .body("sendAt", equalTo("09:00")).body("zone", equalTo("Asia/Shanghai"))
                .body("ongoingReportEvery", equalTo("P3M"));
    }

    @Test
    void signingAndMilestoneFieldsHaveDefaultsAndLimits() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/reminder-policies/777003").then().statusCode(200)
                .body("acknowledgeWithinDays", equalTo(3)).body("milestoneLeadDays", equalTo(List.of(3)));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("acknowledgeWithinDays", 31, "milestoneLeadDays", List.of(-1, 3, 3, 367)))
                .when().put("/api/reminder-policies/777003").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("acknowledgeWithinDays", "milestoneLeadDays[0]", "milestoneLeadDays[2]",
                        "milestoneLeadDays[3]"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("milestoneLeadDays", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)))
                .when().put("/api/reminder-policies/777003").then().statusCode(400).body("errors[0].field", equalTo("milestoneLeadDays"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"acknowledgeWithinDays\": \"three\"}")
                .when().put("/api/reminder-policies/777003").then().statusCode(400).contentType("application/problem+json");
        // 0 and [] switch them off; the lead days come back largest first, the day itself (0) allowed
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("acknowledgeWithinDays", 0, "milestoneLeadDays", List.of(0, 7, 1)))
                .when().put("/api/reminder-policies/777003").then().statusCode(200)
                .body("acknowledgeWithinDays", equalTo(0)).body("milestoneLeadDays", equalTo(List.of(7, 1, 0)))
                .body("leadDays", equalTo(List.of(30, 7, 1)));
    }

    @Test
    void aPlansOwnPolicyNeedsIfMatchToChange() {
        String etag = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("leadDays", List.of(10, 3))).when().put("/api/reminder-policies/777002").then().statusCode(200)
                .body("leadDays", equalTo(List.of(10, 3))).body("onDueDate", equalTo(true)).extract().header("ETag");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("leadDays", List.of(5)))
                .when().put("/api/reminder-policies/777002").then().statusCode(428);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(Map.of("leadDays", List.of(5))).when().put("/api/reminder-policies/777002").then().statusCode(412);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("leadDays", List.of(5))).when().put("/api/reminder-policies/777002").then().statusCode(200);
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/reminder-policies/777002").then().statusCode(200)
                .header("X-Policy-Source", "own").body("leadDays", equalTo(List.of(5)));
    }

    @Test
    void aReminderOnADayOffGoesOutOnTheNextWorkingDay() {
        long planId = Upstream.importSamplePlan("皖政务办〔2022〕903号");
        Map<String, Long> task39 = Upstream.assignments(planId, 39);
        // 27 days before 2022-06-30 is 2022-06-03, 端午节 (a Friday off)
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("leadDays", List.of(27), "onDueDate", false, "escalateAfterDays", 0))
                .when().put("/api/reminder-policies/" + planId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM assignment_copy WHERE plan_id = ?1 "
                + "AND task_number = 39", planId) == task39.size());

        given().auth().oauth2(TestTokens.admin()).queryParam("at", "2022-06-03T10:00:00+08:00")
                .when().post("/api/reminders/run").then().statusCode(200);
        assertEquals(0, count("SELECT count(*) FROM notification n JOIN assignment_copy a ON a.id = n.assignment_id "
                + "WHERE a.plan_id = ?1", planId), "nothing goes out on a day off");

        given().auth().oauth2(TestTokens.admin()).queryParam("at", "2022-06-06T09:30:00+08:00")
                .when().post("/api/reminders/run").then().statusCode(200);
        assertEquals(task39.size(), count("SELECT count(*) FROM notification n JOIN assignment_copy a ON a.id = n.assignment_id "
                + "WHERE a.plan_id = ?1 AND a.task_number = 39 AND n.kind = 'DUE_SOON' AND n.occasion = DATE '2022-06-03' "
                + "AND n.created_at IS NOT NULL", planId));
        given().auth().oauth2(TestTokens.unit("gov-340100")).queryParam("kind", "DUE_SOON").queryParam("size", 500)
                .when().get("/api/notifications").then().statusCode(200)
                .body("items.findAll { it.assignmentId == " + task39.get("gov-340100") + " }.title",
                        equalTo(List.of("第39项任务还有24天到期（2022年6月30日）")));
    }
}
