package org.duban.unit.resolve;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ResolveAndGroupsResourceTest {

    @Test
    void resolvesAResponsibilityTextOfThePlan() {
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("text", "省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实"))
                .when().post("/api/units/resolve")
                .then().statusCode(200)
                .body("entries", hasSize(4))
                .body("entries[0].unitCode", equalTo("ah-fgw"))
                .body("entries[0].name", equalTo("安徽省发展和改革委员会"))
                .body("entries[3].name", equalTo("各市政府"))
                .body("entries[0].role", equalTo("LEAD"))
                .body("entries[1].role", equalTo("LEAD"))
                .body("entries[2].groupCode", equalTo("provincial-related-departments"))
                .body("entries[2].role", equalTo("RESPONSIBLE"))
                .body("entries[3].groupCode", equalTo("cities"))
                .body("unresolved", empty());
    }

    @Test
    void keepsQualifiersAndReportsWhatMatchesNothing() {
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON)
                .body(Map.of("text", "省司法厅，各市、县（市、区）司法局，省火星局负责落实"))
                .when().post("/api/units/resolve")
                .then().statusCode(200)
                .body("entries[1].groupCode", equalTo("cities-and-counties"))
                .body("entries[1].qualifier", equalTo("司法局"))
                .body("entries[0].qualifier", nullValue())
                .body("unresolved", equalTo(java.util.List.of("省火星局")));
    }

    @Test
    void emptyOrOversizedTextIs400() {
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("text", " ")).when().post("/api/units/resolve")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("text"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(Map.of("text", "省司法厅、".repeat(900))).when().post("/api/units/resolve")
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{}").when().post("/api/units/resolve")
                .then().statusCode(400);
    }

    @Test
    void definiteGroupsExpandIntoTheirMembers() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/unit-groups/cities")
                .then().statusCode(200)
                .body("definite", equalTo(true))
                .body("memberCodes", hasSize(16))
                .body("memberCodes", hasItem("gov-340100"));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/unit-groups/cities-and-counties").then().statusCode(200).body("memberCodes", hasSize(120));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/unit-groups/counties/members?size=10&page=1")
                .then().statusCode(200).body("total", equalTo(104)).body("items", hasSize(10)).body("page", equalTo(1));
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/unit-groups/provincial-related-units")
                .then().statusCode(200).body("definite", equalTo(false)).body("memberCodes", nullValue());
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/unit-groups/no-such-group").then().statusCode(404);
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/unit-groups").then().statusCode(200).body("code", hasItem("provincial-departments"));
    }
}
