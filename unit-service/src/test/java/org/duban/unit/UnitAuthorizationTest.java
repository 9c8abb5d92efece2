package org.duban.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.duban.testsupport.TestTokens;
import org.duban.tokens.VerifiedTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what in unit-service, with real signed tokens: every signed-in role reads, the office
 * writes, and a unit-admin writes under its own unit only (Hefei's gov-340100: its own unit, its county
 * 肥西县 gov-340123 and what lies under them — not the province above it, the sibling city 芜湖 or a
 * provincial department); no token, a forged or an expired one is 401. Writes by the wrong role are
 * refused before anything is validated or stored.
 */
@QuarkusTest
class UnitAuthorizationTest {

    @Inject
    VerifiedTokens verified;

    /** The verified-token cache (deploy/libs/verified-tokens) answers a known token, never an expired or altered one. */
    @Test
    void aTokenVerifiedOnceIsRememberedUntilItExpiresAndNotAfter() throws InterruptedException {
        Instant expires = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String token = TestTokens.expiringAt("office", List.of("admin"), null, expires);
        assertFalse(verified.remembers(token));
        given().auth().oauth2(token).get("/api/units?size=1").then().statusCode(200);
        assertTrue(verified.remembers(token), "verified once, remembered");
        long recalled = verified.recalled();
        given().auth().oauth2(token).get("/api/units?size=1").then().statusCode(200);
        assertEquals(recalled + 1, verified.recalled(), "the second request is answered from memory");
        String altered = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        given().auth().oauth2(altered).get("/api/units?size=1").then().statusCode(401);
        assertFalse(verified.remembers(altered));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expires).toMillis()) + 1200);
        assertFalse(verified.remembers(token), "expired, forgotten");
        given().auth().oauth2(token).get("/api/units?size=1").then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,    /api/units,                       anonymous,  401",
            "GET,    /api/units,                       forged,     401",
            "GET,    /api/units,                       expired,    401",
            "GET,    /api/units,                       viewer,     200",
            "GET,    /api/units,                       unit,       200",
            "GET,    /api/units,                       integrator, 200",
            "GET,    /api/units,                       admin,      200",
            "GET,    /api/units/gov-340100,            anonymous,  401",
            "GET,    /api/units/gov-340100,            unit,       200",
            "GET,    /api/units/gov-340100/history,    viewer,     200",
            "GET,    /api/unit-groups,                 anonymous,  401",
            "GET,    /api/unit-groups,                 integrator, 200",
            "GET,    /api/unit-groups/cities/members,  unit,       200",
            "POST,   /api/units/resolve,               anonymous,  401",
            "POST,   /api/units/resolve,               unit,       200",
            "POST,   /api/units,                       anonymous,  401",
            "POST,   /api/units,                       viewer,     403",
            "POST,   /api/units,                       unit,       403",
            "POST,   /api/units,                       integrator, 403",
            "PUT,    /api/units/gov-340100,            viewer,     403",
            "PUT,    /api/units/gov-340100,            unit,       403",
            "DELETE, /api/units/gov-340100,            unit,       403",
            "DELETE, /api/units/gov-340100,            integrator, 403",
            "DELETE, /api/units/gov-340100,            anonymous,  401",
            "PUT,    /api/units/gov-340200,            unit-admin, 403",
            "PUT,    /api/units/gov-340000,            unit-admin, 403",
            "PUT,    /api/units/ah-fgw,                unit-admin, 403",
            "DELETE, /api/units/gov-340200,            unit-admin, 403",
            "DELETE, /api/units/gov-340000,            unit-admin, 403",
            "DELETE, /api/units/gov-340100,            unit-admin, 403",
            "GET,    /api/units,                       unit-admin, 200",
    })
    void matrix(String method, String path, String caller, int status) {
        RequestSpecification request = as(caller).contentType(ContentType.JSON).header("If-Match", "\"0\"");
        if (method.equals("POST") && path.endsWith("/resolve")) {
            request.body(Map.of("text", "省司法厅，各市政府负责落实"));
        } else if (!method.equals("GET")) {
            request.body(Map.of("code", "authz-probe", "name", "授权探针", "level", "PROVINCE", "type", "OTHER",
                    "aliases", List.of()));
        }
        var response = request.when().request(method, path).then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 401) {
            response.header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        }
    }

    static final String HEFEI = "gov-340100";
    /** Fresh names and codes per run: the test database outlives a run. */
    static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 6);

    @ParameterizedTest(name = "unit-admin of Hefei adds a unit under {0} → {1}")
    @CsvSource(nullValues = "-", value = {
            "gov-340100, 201",   // its own unit: 合肥市数据资源局 and the like
            "gov-340123, 201",   // a county under it (肥西县), any depth
            "gov-340000, 403",   // the province above it
            "gov-340200, 403",   // the sibling city 芜湖
            "ah-fgw,     403",   // an unrelated provincial department
            "-,          403",   // no place at all: a top-level unit is the office's to add
    })
    void aUnitAdminAddsUnitsOnlyUnderItsOwnUnit(String parent, int status) {
        String code = "ua-" + RUN + "-" + (parent == null ? "top" : parent.replace("gov-", "g"));
        var response = as("unit-admin").contentType(ContentType.JSON).body(unit(code, "单位管理探针" + code, parent))
                .when().post("/api/units").then().statusCode(status);
        if (status == 201) {
            response.body("parentCode", equalTo(parent)).body("code", equalTo(code));
        } else {
            response.contentType("application/problem+json").body("status", equalTo(403))
                    .body("detail", org.hamcrest.Matchers.containsString(HEFEI));
            as("admin").when().get("/api/units/" + code).then().statusCode(404);
        }
    }

    @org.junit.jupiter.api.Test
    void aUnitUserWithoutUnitAdminOrAUnitAdminWithoutAUnitAddsNothing() {
        given().auth().oauth2(TestTokens.unit(HEFEI)).contentType(ContentType.JSON)
                .body(unit("ua-" + RUN + "-plain", "单位管理探针普通", HEFEI)).when().post("/api/units").then().statusCode(403);
        given().auth().oauth2(TestTokens.token("no-unit", List.of("unit-admin"), null)).contentType(ContentType.JSON)
                .body(unit("ua-" + RUN + "-nounit", "单位管理探针无单位", HEFEI)).when().post("/api/units").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void aUnitAdminChangesItsOwnUnitsWithinItsSubtreeAndTheOfficeKeepsAllRights() {
        String bureau = "ua-" + RUN + "-sjj";
        as("unit-admin").contentType(ContentType.JSON).body(unit(bureau, "合肥市数据资源局探针" + RUN, HEFEI))
                .when().post("/api/units").then().statusCode(201);
        // moved further down, under the county: still Hefei's
        put("unit-admin", bureau, Map.of("parentCode", "gov-340123", "shortName", "市数据局" + RUN)).then().statusCode(200)
                .body("parentCode", equalTo("gov-340123"));
        // out of the subtree, or to the top: refused, and nothing changed
        put("unit-admin", bureau, Map.of("parentCode", "gov-340200")).then().statusCode(403)
                .contentType("application/problem+json");
        put("unit-admin", bureau, java.util.Collections.singletonMap("parentCode", null)).then().statusCode(403);
        as("admin").when().get("/api/units/" + bureau).then().statusCode(200).body("parentCode", equalTo("gov-340123"));
        // its own unit: where it stands is the office's to change
        put("unit-admin", HEFEI, Map.of("parentCode", "gov-340200")).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("own unit"));
        as("admin").when().get("/api/units/" + HEFEI).then().statusCode(200).body("parentCode", equalTo("gov-340000"));
        // the office may do anything, e.g. move the bureau to Wuhu; then it is no longer Hefei's to change
        put("admin", bureau, Map.of("parentCode", "gov-340200")).then().statusCode(200);
        put("unit-admin", bureau, Map.of("parentCode", HEFEI)).then().statusCode(403);
        put("admin", bureau, Map.of("parentCode", HEFEI)).then().statusCode(200);
        // nobody places a unit under its own subunit
        String office = as("admin").when().get("/api/units/" + HEFEI).then().extract().header("ETag");
        var hefei = new java.util.HashMap<>(as("admin").when().get("/api/units/" + HEFEI).then().extract().jsonPath().<String, Object>getMap(""));
        hefei.remove("version");
        hefei.remove("active");
        hefei.put("parentCode", bureau);
        as("admin").contentType(ContentType.JSON).header("If-Match", office).body(hefei).when().put("/api/units/" + HEFEI)
                .then().statusCode(400).body("errors[0].field", equalTo("parentCode"));
        // deactivating: a unit under its own, yes
        String etag = as("unit-admin").when().get("/api/units/" + bureau).then().extract().header("ETag");
        as("unit-admin").header("If-Match", etag).when().delete("/api/units/" + bureau).then().statusCode(204);
        as("admin").when().get("/api/units/" + bureau).then().body("active", equalTo(false));
    }

    @org.junit.jupiter.api.Test
    void aUnitAdminImportsOnlyUnitsUnderItsOwnUnitAndAFileReachingOutsideIsRefusedWhole() {
        String header = "code,name,shortName,aliases,level,type,parentCode,divisionCode,email,phone,webhookUrl,externalIds,active\r\n";
        String inside = "ua-" + RUN + "-imp-a";
        String below = "ua-" + RUN + "-imp-b";
        String good = header
                + below + ",合肥市导入探针乙" + RUN + ",,,CITY,DEPARTMENT," + inside + ",,,,,,true\r\n"
                + inside + ",合肥市导入探针甲" + RUN + ",,,CITY,DEPARTMENT," + HEFEI + ",,,,,,true\r\n";
        given().auth().oauth2(TestTokens.unit(HEFEI)).contentType("text/csv; charset=UTF-8").body(good)
                .when().post("/api/units/import").then().statusCode(403);
        as("unit-admin").contentType("text/csv; charset=UTF-8").body(good).when().post("/api/units/import")
                .then().statusCode(200).body("created", equalTo(2));
        as("admin").when().get("/api/units/" + below).then().statusCode(200).body("parentCode", equalTo(inside));

        String other = "ua-" + RUN + "-imp-c";
        String reaching = header
                + other + ",合肥市导入探针丙" + RUN + ",,,CITY,DEPARTMENT," + HEFEI + ",,,,,,true\r\n"
                + "ua-" + RUN + "-imp-d,芜湖市导入探针" + RUN + ",,,CITY,DEPARTMENT,gov-340200,,,,,,true\r\n"
                + "gov-340200,芜湖市人民政府,芜湖市,芜湖,CITY,GOVERNMENT," + HEFEI + ",340200,,,,,true\r\n"
                + HEFEI + ",合肥市人民政府,合肥市,合肥,CITY,GOVERNMENT,,340100,,,,,true\r\n";
        as("unit-admin").contentType("text/csv; charset=UTF-8").body(reaching).when().post("/api/units/import")
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("line 3: parentCode", "line 4: code", "line 5: parentCode")));
        as("admin").when().get("/api/units/" + other).then().statusCode(404);
        as("admin").when().get("/api/units/gov-340200").then().statusCode(200).body("parentCode", equalTo("gov-340000"));
    }

    private static Map<String, Object> unit(String code, String name, String parent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", "CITY", "type", "DEPARTMENT",
                "aliases", List.of()));
        body.put("parentCode", parent);
        return body;
    }

    /** PUT the unit as stored with {@code changes}, as {@code caller}, with its current ETag. */
    private static io.restassured.response.Response put(String caller, String code, Map<String, Object> changes) {
        var read = as("admin").when().get("/api/units/" + code).then().statusCode(200).extract();
        Map<String, Object> body = new java.util.HashMap<>(read.jsonPath().getMap(""));
        body.remove("version");
        body.remove("active");
        body.putAll(changes);
        return as(caller).contentType(ContentType.JSON).header("If-Match", read.header("ETag")).body(body)
                .when().put("/api/units/" + code);
    }

    static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged());
            case "expired" -> given().auth().oauth2(TestTokens.expired("office", List.of("admin")));
            case "viewer" -> given().auth().oauth2(TestTokens.viewer());
            case "unit" -> given().auth().oauth2(TestTokens.unit("gov-340100"));
            case "unit-admin" -> given().auth().oauth2(TestTokens.unitAdmin("gov-340100"));
            case "integrator" -> given().auth().oauth2(TestTokens.integrator());
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
