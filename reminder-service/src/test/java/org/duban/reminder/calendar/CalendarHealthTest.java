package org.duban.reminder.calendar;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The readiness check stays UP and says which years are loaded and which are missing. */
@QuarkusTest
class CalendarHealthTest {

    @Test
    void readinessReportsCoveredAndMissingYears() {
        JsonPath overview = given().auth().oauth2(TestTokens.viewer()).when().get("/api/calendar")
                .then().statusCode(200).extract().jsonPath();
        int thisYear = overview.getInt("thisYear");
        List<Integer> covered = overview.getList("coveredYears", Integer.class);
        List<Integer> missing = IntStream.of(thisYear, thisYear + 1).filter(y -> !covered.contains(y)).boxed().toList();
        assertEquals(missing, overview.getList("missing", Integer.class));

        JsonPath check = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'working-day calendar' }.status", equalTo("UP"))
                .extract().jsonPath().setRootPath("checks.find { it.name == 'working-day calendar' }");
        String coveredData = check.getString("data.coveredYears");
        assertTrue(coveredData.startsWith("2020,2021,2022,2023,2024,2025,2026"), coveredData);
        assertEquals(missing.stream().map(String::valueOf).collect(Collectors.joining(",")), check.getString("data.missing"));
        if (!missing.isEmpty()) {
            assertTrue(check.getString("data.warning").contains(WorkCalendar.fallbackWarning(missing.get(0))),
                    check.getString("data.warning"));
        }
    }

    @Test
    void whenItIs2047ThatYearAndTheNextAreReportedMissingAndThePodStaysReady() {
        QuarkusMock.installMockForType(new CalendarService(null, null, null, null) {
            @Override
            public int thisYear() {
                return 2047;
            }
        }, CalendarService.class);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'working-day calendar' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'working-day calendar' }.data.missing", equalTo("2047,2048"))
                .body("checks.find { it.name == 'working-day calendar' }.data.warning", equalTo(
                        "no holiday schedule for 2047: Monday–Friday assumed; load it with PUT /api/calendar/2047; "
                                + "no holiday schedule for 2048: Monday–Friday assumed; load it with PUT /api/calendar/2048"));
    }
}
