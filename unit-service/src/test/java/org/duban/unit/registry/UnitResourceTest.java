package org.duban.unit.registry;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.duban.testsupport.TopicReader;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UnitResourceTest {

    @Test
    void theSeededRegistryHasTheAnhuiGovernments() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/units/gov-340100")
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("合肥市人民政府"))
                .body("shortName", equalTo("合肥市"))
                .body("level", equalTo("CITY"))
                .body("type", equalTo("GOVERNMENT"))
                .body("parentCode", equalTo("gov-340000"))
                .body("divisionCode", equalTo("340100"));
        given().auth().oauth2(TestTokens.admin()).queryParam("level", "CITY").queryParam("type", "GOVERNMENT").queryParam("size", 100)
                .when().get("/api/units")
                .then().statusCode(200)
                .body("total", equalTo(16))
                .body("items", hasSize(16))
                .body("page", equalTo(0))
                .body("size", equalTo(100));
        given().auth().oauth2(TestTokens.admin()).queryParam("parent", "gov-340100").queryParam("type", "GOVERNMENT")
                .when().get("/api/units")
                .then().statusCode(200)
                .body("items.name", hasItem("肥西县人民政府"))
                .body("items.parentCode", everyItem(equalTo("gov-340100")));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/units/ah-fgw").then().statusCode(200).body("name", equalTo("安徽省发展和改革委员会"));
    }

    @Test
    void searchMatchesNamesShortNamesAndAliases() {
        given().auth().oauth2(TestTokens.admin()).queryParam("q", "发展改革").when().get("/api/units")
                .then().statusCode(200).body("items.code", hasItem("ah-fgw"));
        given().auth().oauth2(TestTokens.admin()).queryParam("q", "肥西").when().get("/api/units")
                .then().statusCode(200).body("items.code", hasItem("gov-340123"));
    }

    @Test
    void badFiltersAnswer400WithFieldErrors() {
        given().auth().oauth2(TestTokens.admin()).queryParam("level", "VILLAGE").queryParam("size", 501).when().get("/api/units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("level", "size"));
        given().auth().oauth2(TestTokens.admin()).queryParam("externalId", "D-0012").when().get("/api/units")
                .then().statusCode(400).body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void anUnknownUnitIs404Problem() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/units/no-such-unit")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no-such-unit"));
    }

    @Test
    void createChangeAndDeactivateAreRecordedVersionedAndPublished() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> unit = Map.of(
                "code", code, "name", "测试单位" + code, "shortName", "测试" + code,
                "aliases", java.util.List.of("测" + code), "level", "PROVINCE", "type", "OTHER",
                "parentCode", "gov-340000", "externalIds", Map.of("oa", "X-" + code),
                "contacts", Map.of("email", "office@example.org", "webhookUrl", "https://oa.example.org/hook"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit).when().post("/api/units")
                .then().statusCode(201)
                .header("Location", containsString("/api/units/" + code))
                .header("ETag", "\"0\"")
                .body("contacts.email", equalTo("office@example.org"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit).when().post("/api/units")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.admin()).queryParam("externalId", "oa:X-" + code).when().get("/api/units")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].code", equalTo(code));

        Map<String, Object> renamed = new java.util.HashMap<>(unit);
        renamed.put("name", "改名单位" + code);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(renamed).when().put("/api/units/" + code)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed).when().put("/api/units/" + code)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("改名单位" + code));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed).when().put("/api/units/" + code)
                .then().statusCode(412).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.admin()).header("If-Match", "\"1\"").when().delete("/api/units/" + code).then().statusCode(204);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/units/" + code).then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/units/" + code + "/history")
                .then().statusCode(200)
                .body("action", equalTo(java.util.List.of("CREATED", "UPDATED", "DEACTIVATED")))
                .body("changedBy", everyItem(equalTo("office")))
                .body("[1].before.name", equalTo("测试单位" + code))
                .body("[1].after.name", equalTo("改名单位" + code));

        var events = TopicReader.read("duban.units", r -> code.equals(r.key()), 3, Duration.ofSeconds(20));
        assertEquals(3, events.size(), "each change is on duban.units once");
        org.hamcrest.MatcherAssert.assertThat(events.get(2).value(), containsString("\"active\":false"));
    }

    @Test
    void invalidUnitsAnswer400WithEveryFieldNamed() {
        Map<String, Object> bad = Map.of(
                "code", "Bad Code", "name", "合肥市人民政府", "aliases", java.util.List.of("省发改委"),
                "level", "CITY", "type", "GOVERNMENT", "parentCode", "gov-999999",
                "contacts", Map.of("email", "not-an-email", "webhookUrl", "ftp://x"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(bad).when().post("/api/units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("code", "contacts.email", "contacts.webhookUrl"));

        Map<String, Object> clashing = Map.of(
                "code", "t-clash", "name", "合肥市人民政府", "aliases", java.util.List.of("省发改委"),
                "level", "CITY", "type", "GOVERNMENT", "parentCode", "gov-999999");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(clashing).when().post("/api/units")
                .then().statusCode(400)
                .body("errors.field", hasItems("name", "aliases", "parentCode"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/units/t-clash").then().statusCode(404);
    }

    @Test
    void malformedJsonIs400NotA500() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"code\": ").when().post("/api/units")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"code\":\"t-x\",\"name\":\"x\",\"level\":\"MOON\",\"type\":\"OTHER\"}")
                .when().post("/api/units")
                .then().statusCode(400).body("errors[0].field", equalTo("level"));
    }
}
