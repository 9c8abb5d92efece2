package org.duban.reminder.feed;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may make a unit's calendar URL (its own staff and the office), with real signed tokens; the feed needs none. */
@QuarkusTest
class CalendarFeedAuthorizationTest {

    static final String UNIT = "test-feed-a";
    static final String OTHER = "test-feed-b";

    @Inject
    EntityManager em;

    @BeforeEach
    void twoUnits() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO unit_contact (code, name, email, active, version, updated_at)
                VALUES ('test-feed-a', '测试甲县人民政府', NULL, true, 1, now()), ('test-feed-b', '测试乙县人民政府', NULL, true, 1, now())
                ON CONFLICT (code) DO NOTHING""").executeUpdate());
    }

    @Test
    void onlyTheUnitsOwnStaffAndTheOfficeMakeItsUrl() {
        Map<String, Supplier<String>> who = new LinkedHashMap<>();
        who.put("anonymous", () -> null);
        who.put("viewer", TestTokens::viewer);
        who.put("own unit", () -> TestTokens.unit(UNIT));
        who.put("other unit", () -> TestTokens.unit(OTHER));
        who.put("integrator", TestTokens::integrator);
        who.put("admin", TestTokens::admin);
        Map<String, Integer> expected = Map.of("anonymous", 401, "viewer", 403, "own unit", 200, "other unit", 403,
                "integrator", 403, "admin", 200);
        Map<String, Integer> got = new LinkedHashMap<>();
        who.forEach((name, token) -> {
            RequestSpecification request = given();
            if (token.get() != null) {
                request.auth().oauth2(token.get());
            }
            got.put(name, request.when().post("/api/units/" + UNIT + "/calendar-feed").then().extract().statusCode());
        });
        who.keySet().forEach(name -> assertEquals(expected.get(name), got.get(name), name));
    }

    @Test
    void theAnswerIsTheSecretUrlAndIsNotCached() {
        given().auth().oauth2(TestTokens.unit(UNIT)).when().post("/api/units/" + UNIT + "/calendar-feed").then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("unitCode", equalTo(UNIT))
                .body("url", matchesPattern("http://localhost:8080/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics"))
                .body("webcalUrl", matchesPattern("webcal://localhost:8080/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics"));
    }

    @Test
    void theFeedAnswers304ToItsETagAndTheOldUrlStopsWorking() {
        String url = given().auth().oauth2(TestTokens.admin()).when().post("/api/units/" + OTHER + "/calendar-feed")
                .then().statusCode(200).extract().path("url");
        String path = java.net.URI.create(url).getRawPath();
        var answer = given().when().get(path).then().statusCode(200).contentType("text/calendar; charset=utf-8")
                .header("Last-Modified", org.hamcrest.Matchers.notNullValue()).extract();
        String etag = answer.header("ETag");
        given().header("If-None-Match", etag).when().get(path).then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "\"something-else\"").when().get(path).then().statusCode(200);
        given().header("If-Modified-Since", answer.header("Last-Modified")).when().get(path).then().statusCode(304);
        given().auth().oauth2(TestTokens.unit(OTHER)).when().post("/api/units/" + OTHER + "/calendar-feed").then().statusCode(200);
        given().when().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownUnitIs404AndAnotherUnitsStaffLearnNothing() {
        given().auth().oauth2(TestTokens.admin()).when().post("/api/units/no-such-unit/calendar-feed").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.unit(UNIT)).when().post("/api/units/no-such-unit/calendar-feed").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownAndMalformedFeedsAre404WithoutAToken() {
        given().when().get("/api/calendar-feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics").then()
                .statusCode(404).contentType("application/problem+json");
        given().when().get("/api/calendar-feeds/short.ics").then().statusCode(404).contentType("application/problem+json");
    }
}
