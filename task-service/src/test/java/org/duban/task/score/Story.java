package org.duban.task.score;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.duban.task.ScriptedClock;
import org.duban.testsupport.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** What units and the office do, through the API, at a scripted moment ({@link ScriptedClock}). */
final class Story {

    private Story() {
    }

    static void at(String moment) {
        ScriptedClock.at(LocalDateTime.parse(moment));
    }

    static long importPlan(String text) {
        return as(TestTokens.admin()).contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plans/import").then().statusCode(201).extract().jsonPath().getLong("plan.id");
    }

    static long assignment(long plan, int task, String unit) {
        return as(TestTokens.admin()).queryParam("planId", plan).queryParam("taskNumber", task).queryParam("unit", unit)
                .when().get("/api/assignments").then().statusCode(200).body("total", equalTo(1))
                .extract().jsonPath().getLong("items[0].id");
    }

    static void acknowledge(long assignment, String unit) {
        as(TestTokens.unit(unit)).when().post("/api/assignments/" + assignment + "/acknowledge").then().statusCode(200);
    }

    static void progress(long assignment, String unit, String text) {
        as(TestTokens.unit(unit)).body(Map.of("text", text)).when().post("/api/assignments/" + assignment + "/progress")
                .then().statusCode(200);
    }

    /** The unit asks to close (starting the work first if it has not). */
    static void submit(long assignment, String unit) {
        String token = TestTokens.unit(unit);
        if ("NOT_STARTED".equals(status(assignment))) {
            move(assignment, token, "IN_PROGRESS");
        }
        move(assignment, token, "SUBMITTED");
    }

    static void complete(long assignment) {
        move(assignment, TestTokens.admin(), "COMPLETED");
    }

    /** The unit asks for a later date and the office grants it. */
    static void extend(long assignment, String unit, String until) {
        long request = as(TestTokens.unit(unit)).body(Map.of("until", until, "reason", "涉及多个部门，需协调推进"))
                .when().post("/api/assignments/" + assignment + "/extension-requests")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as(TestTokens.admin()).body(Map.of("approved", true, "note", "同意延期")).when()
                .post("/api/extension-requests/" + request + "/decision").then().statusCode(200);
    }

    static String status(long assignment) {
        return as(TestTokens.admin()).when().get("/api/assignments/" + assignment).then().statusCode(200)
                .extract().jsonPath().getString("status");
    }

    private static void move(long assignment, String token, String to) {
        String etag = as(token).when().get("/api/assignments/" + assignment).then().statusCode(200).extract().header("ETag");
        as(token).header("If-Match", etag).body(Map.of("to", to, "note", "考核测试"))
                .when().post("/api/assignments/" + assignment + "/transitions").then().statusCode(200).body("status", equalTo(to));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
