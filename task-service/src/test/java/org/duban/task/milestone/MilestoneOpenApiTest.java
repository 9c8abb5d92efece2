package org.duban.task.milestone;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What front-end teams generate clients from: the operations of signing and milestones, named and with examples. */
@QuarkusTest
class MilestoneOpenApiTest {

    @Test
    void theOperationsHaveTheirNamesAndExamples() {
        JsonPath doc = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, String> expected = Map.of(
                "'/api/assignments'.get", "listAssignments",
                "'/api/assignments/{id}/acknowledge'.post", "acknowledgeAssignment",
                "'/api/assignments/{id}/milestones'.get", "listMilestones",
                "'/api/assignments/{id}/milestones'.post", "createMilestone",
                "'/api/tasks/{id}/milestones'.post", "createTaskMilestones",
                "'/api/milestones/{id}'.put", "updateMilestone",
                "'/api/milestones/{id}'.delete", "deleteMilestone",
                "'/api/milestones/{id}/complete'.post", "completeMilestone");
        expected.forEach((operation, id) -> assertEquals(id, doc.getString("paths." + operation + ".operationId"), operation));
        assertTrue(doc.getString("paths.'/api/tasks/{id}/milestones'.post.requestBody.content.'application/json'.examples")
                .contains("LEAD"), "the task-wide example names the role");
        assertEquals(java.util.List.of("OPEN", "DONE"), doc.getList("components.schemas.Milestone.properties.status.enum"));
        assertTrue(doc.getMap("components.schemas.Assignment.properties").containsKey("acknowledgedAt"));
        assertTrue(doc.getList("paths.'/api/assignments'.get.parameters.name").contains("acknowledged"));
    }
}
