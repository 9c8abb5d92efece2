package org.duban.reminder.channel;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * A unit's staff manage their own unit's channels, the office every unit's; with real signed tokens,
 * no token is 401, and another unit's staff, a viewer or the OA integrator are 403 on every endpoint
 * (another unit's staff listing without naming a unit see their own, below).
 */
@QuarkusTest
@TestProfile(ChannelTestProfile.class)
class ChannelAuthorizationTest extends ChannelScenario {

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,    /api/channels,                 anonymous,  401",
            "GET,    /api/channels,                 forged,     401",
            "GET,    /api/channels,                 viewer,     403",
            "GET,    /api/channels,                 integrator, 403",
            "GET,    /api/channels,                 own-unit,   200",
            "GET,    /api/channels,                 admin,      200",
            "POST,   /api/channels,                 anonymous,  401",
            "POST,   /api/channels,                 viewer,     403",
            "POST,   /api/channels,                 integrator, 403",
            "POST,   /api/channels,                 other-unit, 403",
            "POST,   /api/channels,                 own-unit,   201",
            "POST,   /api/channels,                 admin,      201",
            "GET,    /api/channels/{id},            anonymous,  401",
            "GET,    /api/channels/{id},            viewer,     403",
            "GET,    /api/channels/{id},            integrator, 403",
            "GET,    /api/channels/{id},            other-unit, 403",
            "GET,    /api/channels/{id},            own-unit,   200",
            "GET,    /api/channels/{id},            admin,      200",
            "DELETE, /api/channels/{id},            viewer,     403",
            "DELETE, /api/channels/{id},            other-unit, 403",
            "DELETE, /api/channels/{id},            own-unit,   204",
            "DELETE, /api/channels/{id},            admin,      204",
            "POST,   /api/channels/{id}/test,       anonymous,  401",
            "POST,   /api/channels/{id}/test,       viewer,     403",
            "POST,   /api/channels/{id}/test,       other-unit, 403",
            "POST,   /api/channels/{id}/test,       own-unit,   200",
            "POST,   /api/channels/{id}/test,       admin,      200",
            "POST,   /api/channels/{id}/enable,     viewer,     403",
            "POST,   /api/channels/{id}/enable,     integrator, 403",
            "POST,   /api/channels/{id}/enable,     other-unit, 403",
            "POST,   /api/channels/{id}/enable,     own-unit,   200",
            "POST,   /api/channels/{id}/enable,     admin,      200",
            "GET,    /api/channels/{id}/deliveries, anonymous,  401",
            "GET,    /api/channels/{id}/deliveries, viewer,     403",
            "GET,    /api/channels/{id}/deliveries, other-unit, 403",
            "GET,    /api/channels/{id}/deliveries, own-unit,   200",
            "GET,    /api/channels/{id}/deliveries, admin,      200",
    })
    void matrix(String method, String path, String caller, int status) {
        String unit = freshUnit();
        long existing = channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(freshToken())));
        RequestSpecification request = as(caller, unit).contentType(ContentType.JSON);
        if (method.equals("POST") && path.equals("/api/channels")) {
            request.body(Map.of("unitCode", unit, "type", "EMAIL", "target", "duban@" + unit + ".gov.cn"));
        }
        var response = request.when().request(method, path.replace("{id}", Long.toString(existing)))
                .then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 201) {
            long created = response.extract().jsonPath().getLong("id");
            given().auth().oauth2(TestTokens.admin()).delete("/api/channels/{id}", created).then().statusCode(204);
        }
    }

    @Test
    void aUnitListsOnlyItsOwnChannelsAndTheAdminAny() {
        String mine = freshUnit();
        String theirs = freshUnit();
        long own = channel(mine, Map.of("type", "WECOM", "target", platforms.wecomUrl(freshToken())));
        long other = channel(theirs, Map.of("type", "WECOM", "target", platforms.wecomUrl(freshToken())));

        given().auth().oauth2(TestTokens.unit(mine)).get("/api/channels").then().statusCode(200)
                .body("items.id", hasItem((int) own)).body("items.id", not(hasItem((int) other)))
                .body("items.unitCode", everyItem(equalTo(mine)));
        given().auth().oauth2(TestTokens.unit(mine)).queryParam("unit", theirs).get("/api/channels").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).queryParam("unit", theirs).get("/api/channels").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) other)));
        // the admin names the unit; without one it is a validation error, not a guess
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("type", "EMAIL", "target", "a@b.gov.cn")).post("/api/channels")
                .then().statusCode(400).body("errors[0].field", equalTo("unitCode"));
    }

    @Test
    void aTargetIsCheckedForItsTypeAndTheSecretIsNeverShown() {
        String unit = freshUnit();
        given().auth().oauth2(TestTokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("type", "DINGTALK", "target", "https://evil.example.com/robot/send?access_token=x",
                        "quietHours", "22:00-2200", "kinds", List.of("OVERDUE", "LATE")))
                .post("/api/channels").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("target", "kinds[1]", "quietHours")));
        given().auth().oauth2(TestTokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("type", "WECOM", "target", platforms.base() + "/cgi-bin/webhook/send", "secret", "x"))
                .post("/api/channels").then().statusCode(400)
                .body("errors.field", equalTo(List.of("target", "secret")));
        given().auth().oauth2(TestTokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("type", "SMS", "target", "0551-1234567")).post("/api/channels").then().statusCode(400)
                .body("errors[0].field", equalTo("target"));
        given().auth().oauth2(TestTokens.unit(unit)).contentType(ContentType.JSON)
                .body(Map.of("type", "FAX", "target", "x")).post("/api/channels").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));

        String token = "abcd" + freshToken() + "wxyz";
        long id = channel(unit, Map.of("type", "DINGTALK", "target", platforms.dingtalkUrl(token),
                "secret", "SEC0123456789abcdef", "quietHours", "22:00-08:00"));
        given().auth().oauth2(TestTokens.unit(unit)).get("/api/channels/{id}", id).then().statusCode(200)
                .body("secret", equalTo("********cdef"))
                .body("target", equalTo(platforms.base() + "/robot/send?access_token=abcd********wxyz"))
                .body("quietHours", equalTo("22:00-08:00"))
                .body("enabled", equalTo(true));
        given().auth().oauth2(TestTokens.admin()).get("/api/channels/{id}", 999_999_999L).then().statusCode(404);
    }

    private static RequestSpecification as(String caller, String unit) {
        return switch (caller) {
            case "anonymous" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged());
            case "viewer" -> given().auth().oauth2(TestTokens.viewer());
            case "integrator" -> given().auth().oauth2(TestTokens.integrator());
            case "other-unit" -> given().auth().oauth2(TestTokens.unit("gov-340123"));
            case "own-unit" -> given().auth().oauth2(TestTokens.unit(unit));
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
