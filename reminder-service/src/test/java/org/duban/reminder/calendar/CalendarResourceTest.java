package org.duban.reminder.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the schedules and loading a year as the office does it. */
@QuarkusTest
class CalendarResourceTest {

    @Inject
    WorkCalendar calendar;

    private static RequestSpecification office() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static Map<String, String> day(String date, String kind, String name) {
        return Map.of("date", date, "kind", kind, "name", name);
    }

    @Test
    void theOverviewListsTheBundledYears() {
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/calendar")
                .then().statusCode(200)
                .body("thisYear", notNullValue())
                .body("coveredYears", hasItems(2020, 2021, 2022, 2023, 2024, 2025, 2026))
                .body("years.find { it.year == 2023 }.days", equalTo(34))
                .body("years.find { it.year == 2023 }.source", equalTo("SHIPPED"));
    }

    @Test
    void aNoticeYearListsItsDatesWithTheRunReachingIntoTheYearBefore() {
        given().auth().oauth2(TestTokens.unit("gov-340100")).when().get("/api/calendar/2023")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("year", equalTo(2023))
                .body("covered", equalTo(true))
                .body("days", hasSize(34))
                .body("days[0]", equalTo(day("2022-12-31", "OFF", "元旦")))
                .body("days.find { it.date == '2023-01-28' }.kind", equalTo("WORK"));
        given().auth().oauth2(TestTokens.integrator()).when().get("/api/calendar/2022")
                .then().statusCode(200)
                .body("days.find { it.date == '2022-10-08' }", equalTo(day("2022-10-08", "WORK", "国庆节")))
                .body("days.date", not(hasItem("2022-12-31")));
    }

    @Test
    void aYearNotLoadedIsNotCovered() {
        office().when().get("/api/calendar/2039")
                .then().statusCode(200)
                .header("ETag", (String) null)
                .body("covered", equalTo(false))
                .body("days", hasSize(0));
        office().when().get("/api/calendar/1999").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("year"));
    }

    @Test
    void loading2027ChangesTheWorkingDaysAtOnce() {
        LocalDate newYearsDay = LocalDate.parse("2027-01-01");   // a Friday
        assertFalse(calendar.covers(2027));
        assertTrue(calendar.isWorkingDay(newYearsDay));

        String etag = office().contentType(ContentType.JSON)
                .body(Map.of("days", List.of(
                        day("2027-01-01", "OFF", "元旦"), day("2027-01-02", "OFF", "元旦"), day("2027-01-03", "OFF", "元旦"),
                        day("2027-02-06", "OFF", "春节"), day("2027-02-07", "OFF", "春节"), day("2027-02-08", "OFF", "春节"),
                        day("2027-02-20", "WORK", "春节"))))
                .when().put("/api/calendar/2027")
                .then().statusCode(201)
                .body("covered", equalTo(true))
                .body("source", equalTo("PUT"))
                .body("loadedBy", equalTo("office"))
                .body("days", hasSize(7))
                .extract().header("ETag");

        assertTrue(calendar.covers(2027));
        assertFalse(calendar.isWorkingDay(newYearsDay));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2027-02-20")));        // a Saturday made a working day
        assertEquals(LocalDate.parse("2027-01-04"), calendar.nextWorkingDay(newYearsDay));
        office().when().get("/api/calendar").then().statusCode(200).body("coveredYears", hasItem(2027));

        // replacing it needs the version read
        Map<String, List<Map<String, String>>> corrected = Map.of("days", List.of(
                day("2027-01-01", "OFF", "元旦"), day("2027-02-20", "WORK", "春节"), day("2027-02-19", "OFF", "春节")));
        office().contentType(ContentType.JSON).body(corrected).when().put("/api/calendar/2027")
                .then().statusCode(428).contentType("application/problem+json");
        office().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(corrected).when().put("/api/calendar/2027")
                .then().statusCode(412).contentType("application/problem+json");
        office().contentType(ContentType.JSON).header("If-Match", etag).body(corrected).when().put("/api/calendar/2027")
                .then().statusCode(200).body("days", hasSize(3));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2027-01-04")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2027-02-19")));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2027-02-08")));
    }

    @Test
    void wrongDatesAreFieldErrorsByPlace() {
        office().contentType(ContentType.JSON)
                .body(Map.of("days", List.of(
                        day("2040-10-01", "OFF", "国庆节"),
                        day("2040-10-02", "HOLIDAY", "国庆节"),
                        day("2040-13-01", "OFF", "国庆节"),
                        day("2040-10-10", "WORK", "国庆节"),     // a Wednesday: working anyway
                        day("2040-10-13", "OFF", "国庆节"),      // a Saturday outside the run
                        day("2041-03-01", "OFF", "春节"),        // beyond January of the next year
                        day("2040-10-01", "OFF", "国庆节"),
                        day("2040-10-03", "OFF", ""))))
                .when().put("/api/calendar/2040")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:validation"))
                .body("errors.field", equalTo(List.of("days[1].kind", "days[2].date", "days[3].date", "days[4].date",
                        "days[5].date", "days[6].date", "days[7].name")))
                .body("errors.find { it.field == 'days[3].date' }.message", containsString("a working day anyway"))
                .body("errors.find { it.field == 'days[6].date' }.message", containsString("repeats days[0]"));
        office().contentType(ContentType.JSON).body(Map.of("days", List.of())).when().put("/api/calendar/2040")
                .then().statusCode(400).body("errors[0].field", equalTo("days"));
        office().contentType(ContentType.JSON).body("{\"days\": [").when().put("/api/calendar/2040")
                .then().statusCode(400).contentType("application/problem+json");
        office().when().get("/api/calendar/2040").then().statusCode(200).body("covered", equalTo(false));
    }

    @Test
    void theOpenApiDocumentDescribesTheCalendarWithExamples() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/calendar'.get.summary", notNullValue())
                .body("paths.'/api/calendar/{year}'.put.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/calendar/{year}'.put.responses.'400'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/api/calendar/import'.post.requestBody.content.'text/csv'.examples", notNullValue())
                .body("components.schemas.CalendarYear.properties.days", notNullValue());
    }

    @Test
    void aDateAnotherNoticeYearSetsIsRefused() {
        // 2020-01-01 belongs to the 2020 notice, though a 2019 notice may reach into January 2020
        office().contentType(ContentType.JSON)
                .body(Map.of("days", List.of(day("2019-12-31", "OFF", "元旦"), day("2020-01-01", "OFF", "元旦"))))
                .when().put("/api/calendar/2019")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("days[1].date")))
                .body("errors[0].message", containsString("already set by the 2020 notice"));
        office().when().get("/api/calendar/2019").then().statusCode(200).body("covered", equalTo(false));
    }
}
