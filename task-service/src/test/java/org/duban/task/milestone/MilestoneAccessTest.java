package org.duban.task.milestone;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may do what with milestones beyond the role matrix of {@code TaskAuthorizationTest}: a unit plans and
 * changes its own steps but not the office's, only the unit reports a milestone done, a done milestone is kept
 * as reported, and a completed assignment takes no more. On 淮北市人民政府's and 亳州市人民政府's shares, which no
 * other test works with.
 */
@QuarkusTest
class MilestoneAccessTest {

    private static final String HUAIBEI = "gov-340600";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aUnitChangesItsOwnStepsButNotTheOffices() {
        String office = TestTokens.admin();
        String huaibei = TestTokens.unit(HUAIBEI);
        long id = SamplePlan.assignment(30, HUAIBEI);
        long own = as(huaibei).body(Map.of("title", "完成年度报告自查", "dueDate", "2022-10-31"))
                .when().post("/api/assignments/" + id + "/milestones").then().statusCode(201)
                .body("setBy", equalTo("UNIT")).body("createdBy", equalTo("staff-" + HUAIBEI)).extract().jsonPath().getLong("id");
        long office1 = as(office).body(Map.of("title", "报送年度报告", "dueDate", "2022-12-15"))
                .when().post("/api/assignments/" + id + "/milestones").then().statusCode(201)
                .body("setBy", equalTo("OFFICE")).extract().jsonPath().getLong("id");

        Map<String, Object> later = Map.of("title", "完成年度报告自查", "dueDate", "2022-11-15");
        as(huaibei).body(later).when().put("/api/milestones/" + own).then().statusCode(428);
        as(huaibei).header("If-Match", "\"7\"").body(later).when().put("/api/milestones/" + own).then().statusCode(412)
                .contentType("application/problem+json");
        as(TestTokens.unit("gov-340200")).header("If-Match", "\"0\"").body(later).when().put("/api/milestones/" + own)
                .then().statusCode(403);
        as(huaibei).header("If-Match", "\"0\"").body(later).when().put("/api/milestones/" + own).then().statusCode(200)
                .body("dueDate", equalTo("2022-11-15")).header("ETag", "\"1\"");

        as(huaibei).header("If-Match", "\"0\"").body(Map.of("title", "改个名字", "dueDate", "2022-12-15"))
                .when().put("/api/milestones/" + office1).then().statusCode(403).contentType("application/problem+json");
        as(huaibei).header("If-Match", "\"0\"").when().delete("/api/milestones/" + office1).then().statusCode(403);
        // the office changes any, the unit's own included
        as(office).header("If-Match", "\"1\"").body(Map.of("title", "完成年度报告自查（含政务公开专章）", "dueDate", "2022-11-15"))
                .when().put("/api/milestones/" + own).then().statusCode(200).body("setBy", equalTo("UNIT"));

        // only the unit reports done, the office's milestones too; viewers and other units read or nothing
        as(office).body(Map.of("note", "代为报送")).when().post("/api/milestones/" + office1 + "/complete").then().statusCode(403);
        as(TestTokens.viewer()).body(Map.of("title", "x", "dueDate", "2022-10-01")).when()
                .post("/api/assignments/" + id + "/milestones").then().statusCode(403);
        as(TestTokens.unit("gov-340200")).when().get("/api/assignments/" + id + "/milestones").then().statusCode(403);
        as(TestTokens.unit("gov-340200")).when().get("/api/milestones/" + own).then().statusCode(403);
        as(huaibei).body(Map.of("note", "已完成", "attachmentIds", List.of(0))).when().post("/api/milestones/" + office1 + "/complete")
                .then().statusCode(400).contentType("application/problem+json");
        as(huaibei).when().post("/api/milestones/" + office1 + "/complete").then().statusCode(200)
                .body("status", equalTo("DONE")).body("attachmentIds", equalTo(List.of()));

        // done is kept as reported: the unit neither changes nor removes it, the office may remove it
        as(office).header("If-Match", "\"1\"").body(Map.of("title", "报送年度报告", "dueDate", "2022-12-01"))
                .when().put("/api/milestones/" + office1).then().statusCode(409);
        as(huaibei).header("If-Match", "\"2\"").when().delete("/api/milestones/" + own).then().statusCode(204);
        as(huaibei).when().get("/api/assignments/" + id + "/milestones").then().body("id", equalTo(List.of((int) office1)));
        as(office).header("If-Match", "\"1\"").when().delete("/api/milestones/" + office1).then().statusCode(204);
        as(huaibei).when().get("/api/assignments/" + id + "/milestones").then().body("size()", equalTo(0));
    }

    @Test
    void aCompletedAssignmentTakesNoMoreMilestones() {
        String office = TestTokens.admin();
        String bozhou = TestTokens.unit("gov-341600");
        long id = SamplePlan.assignment(41, "gov-341600");
        long m = as(office).body(Map.of("title", "报送年度报告", "dueDate", "2022-12-15"))
                .when().post("/api/assignments/" + id + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        for (String[] move : new String[][] {{"IN_PROGRESS", bozhou}, {"SUBMITTED", bozhou}, {"COMPLETED", office}}) {
            String etag = as(move[1]).when().get("/api/assignments/" + id).then().extract().header("ETag");
            as(move[1]).header("If-Match", etag).body(Map.of("to", move[0], "note", "测试"))
                    .when().post("/api/assignments/" + id + "/transitions").then().statusCode(200);
        }
        as(office).body(Map.of("title", "补充材料", "dueDate", "2022-12-01")).when().post("/api/assignments/" + id + "/milestones")
                .then().statusCode(409).body("type", equalTo("urn:duban:problem:assignment-completed"));
        as(bozhou).body(Map.of("note", "已报送")).when().post("/api/milestones/" + m + "/complete").then().statusCode(409);
        as(office).header("If-Match", "\"0\"").body(Map.of("title", "报送年度报告", "dueDate", "2022-12-01"))
                .when().put("/api/milestones/" + m).then().statusCode(409);
        // a task-wide milestone leaves the completed assignment out
        long task = as(office).when().get("/api/assignments/" + id).then().extract().jsonPath().getLong("taskId");
        as(office).body(Map.of("title", "报送年度报告定稿", "dueDate", "2022-12-20")).when().post("/api/tasks/" + task + "/milestones")
                .then().statusCode(201).body("assignmentId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
    }
}
