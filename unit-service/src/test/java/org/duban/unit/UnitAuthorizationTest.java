package org.duban.unit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may do what in unit-service, with real signed tokens: every signed-in role reads, only the
 * office writes; no token, a forged or an expired one is 401. Writes by the wrong role are refused
 * before anything is validated or stored.
 */
@QuarkusTest
class UnitAuthorizationTest {

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

    static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged());
            case "expired" -> given().auth().oauth2(TestTokens.expired("office", List.of("admin")));
            case "viewer" -> given().auth().oauth2(TestTokens.viewer());
            case "unit" -> given().auth().oauth2(TestTokens.unit("gov-340100"));
            case "integrator" -> given().auth().oauth2(TestTokens.integrator());
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
