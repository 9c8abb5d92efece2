package org.duban.reminder.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every signed-in role reads the calendar; only the office changes it. A write by another role is
 * refused before its body is looked at (the bodies here would load 2050).
 */
@QuarkusTest
class CalendarAuthorizationTest {

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,  /api/calendar,        anonymous,  401",
            "GET,  /api/calendar,        expired,    401",
            "GET,  /api/calendar,        viewer,     200",
            "GET,  /api/calendar,        unit,       200",
            "GET,  /api/calendar,        integrator, 200",
            "GET,  /api/calendar,        admin,      200",
            "GET,  /api/calendar/2026,   anonymous,  401",
            "GET,  /api/calendar/2026,   viewer,     200",
            "GET,  /api/calendar/2026,   unit,       200",
            "GET,  /api/calendar/2026,   integrator, 200",
            "PUT,  /api/calendar/2050,   anonymous,  401",
            "PUT,  /api/calendar/2050,   viewer,     403",
            "PUT,  /api/calendar/2050,   unit,       403",
            "PUT,  /api/calendar/2050,   integrator, 403",
            "POST, /api/calendar/import, anonymous,  401",
            "POST, /api/calendar/import, viewer,     403",
            "POST, /api/calendar/import, unit,       403",
            "POST, /api/calendar/import, integrator, 403",
    })
    void matrix(String method, String path, String caller, int status) {
        RequestSpecification request = as(caller);
        if (method.equals("PUT")) {
            request.contentType("application/json").body("{\"days\": [{\"date\": \"2050-10-03\", \"kind\": \"OFF\", \"name\": \"国庆节\"}]}");
        } else if (method.equals("POST")) {
            request.contentType("text/csv").body("date,kind,holiday,scheduleYear\n2050-10-03,OFF,国庆节,2050\n");
        }
        var response = request.when().request(method, path).then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/calendar/2050").then().body("covered", equalTo(false));
    }

    static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "expired" -> given().auth().oauth2(TestTokens.expired("office", List.of("admin")));
            case "viewer" -> given().auth().oauth2(TestTokens.viewer());
            case "unit" -> given().auth().oauth2(TestTokens.unit("gov-340100"));
            case "integrator" -> given().auth().oauth2(TestTokens.integrator());
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
