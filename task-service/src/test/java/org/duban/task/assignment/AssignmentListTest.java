package org.duban.task.assignment;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

/** GET /api/assignments on the sample plan: filters, sorting, and a unit user's scope. */
@QuarkusTest
class AssignmentListTest {

    @Test
    void filtersAndSortingOfAssignments() {
        long planId = SamplePlan.id();
        // the sample's dates are in 2022: today every open FIXED assignment is overdue
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId).queryParam("unit", "gov-340100")
                .queryParam("overdue", true).queryParam("sort", "-taskNumber").queryParam("size", 500)
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.unitCode", everyItem(equalTo("gov-340100")))
                .body("items.overdue", everyItem(equalTo(true)))
                .body("items.dueDate", everyItem(org.hamcrest.Matchers.notNullValue()))
                .body("items[0].taskNumber", greaterThan(30));
        given().auth().oauth2(TestTokens.viewer()).queryParam("planId", planId).queryParam("role", "LEAD")
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.role", everyItem(equalTo("LEAD"))).body("items.unitCode", hasItem("ah-fgw"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("status", "DONE").queryParam("sort", "colour")
                .queryParam("dueBefore", "2022-13-45").when().get("/api/assignments").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("dueBefore", "2022-13-45").when().get("/api/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("dueBefore"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("sort", "colour").when().get("/api/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void aUnitUserSeesOnlyItsOwnAssignments() {
        given().auth().oauth2(TestTokens.unit("gov-340200")).queryParam("planId", SamplePlan.id())
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.unitCode", everyItem(equalTo("gov-340200")));
        given().auth().oauth2(TestTokens.unit("gov-340200")).queryParam("unit", "gov-340100")
                .when().get("/api/assignments").then().statusCode(403);
    }
}
