package org.duban.reminder.calendar;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading notice years from the CSV format of the bundled file. */
@QuarkusTest
class CalendarImportTest {

    private static final String HEADER = "date,kind,holiday,scheduleYear\r\n";

    @Inject
    WorkCalendar calendar;

    /** Like curl: no charset is added to a text body unless the test names one. */
    private static RequestSpecification office() {
        return given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(TestTokens.admin());
    }

    private static byte[] bundled() throws IOException {
        try (InputStream in = CalendarImportTest.class.getResourceAsStream("/calendar/china-holidays.csv")) {
            return in.readAllBytes();
        }
    }

    /** What curl --data-binary sends from a UTF-8 file: bytes, no charset named. */
    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theBundledFileImportsBackUnchanged() throws IOException {
        office().contentType("text/csv").body(bundled()).when().post("/api/calendar/import")
                .then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("years.year", equalTo(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026)))
                .body("years.action", everyItem(equalTo("UNCHANGED")));
    }

    @Test
    void aDryRunSaysWhatWouldHappenAndStoresNothing() {
        String csv = HEADER
                + "2031-01-01,OFF,元旦,2031\r\n"
                + "2031-10-01,OFF,国庆节,2031\r\n"
                + "2032-01-01,OFF,元旦,2032\r\n";
        office().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", true).when().post("/api/calendar/import")
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("years.year", equalTo(List.of(2031, 2032)))
                .body("years.days", equalTo(List.of(2, 1)))
                .body("years.action", equalTo(List.of("CREATED", "CREATED")));
        office().when().get("/api/calendar/2031").then().statusCode(200).body("covered", equalTo(false));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2031-10-01")));

        office().contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/calendar/import")
                .then().statusCode(200).body("years.action", equalTo(List.of("CREATED", "CREATED")));
        assertTrue(calendar.covers(2031));
        assertTrue(calendar.covers(2032));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2031-10-01")));
        office().when().get("/api/calendar/2031").then().statusCode(200)
                .body("source", equalTo("IMPORT")).body("days", hasSize(2));

        // again, with one more date for 2031: that year is replaced, 2032 stays
        office().contentType("text/csv").body(utf8(csv + "2031-10-02,OFF,国庆节,2031\r\n")).when().post("/api/calendar/import")
                .then().statusCode(200).body("years.action", equalTo(List.of("REPLACED", "UNCHANGED")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2031-10-02")));
    }

    @Test
    void aFileWithABadLineIsRefusedWholeWithTheLineNumber() {
        String csv = HEADER
                + "2033-01-03,OFF,元旦,2033\r\n"
                + "2033-01-31,HOLIDAY,春节,2033\r\n"
                + "2033-02-01,OFF,春节,2033\r\n"
                + "2023-01-02,OFF,元旦,2022\r\n";      // the 2023 notice's
        office().contentType("text/csv").body(utf8(csv)).when().post("/api/calendar/import")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("2 problem(s) in the file; nothing was imported"))
                .body("errors.field", equalTo(List.of("line 3: kind", "line 5: date")))
                .body("errors[0].message", containsString("must be OFF or WORK"))
                .body("errors[1].message", containsString("already set by the 2023 notice"));
        office().contentType("text/csv").body(utf8(csv.replace("HOLIDAY", "OFF"))).when().post("/api/calendar/import")
                .then().statusCode(422)
                .body("errors.field", equalTo(List.of("line 5: date")));
        office().when().get("/api/calendar/2033").then().statusCode(200).body("covered", equalTo(false));
        assertFalse(calendar.covers(2033));
    }

    @Test
    void aFileUploadAndAGbkFileAreReadToo() {
        String csv = HEADER + "2034-10-02,OFF,国庆节,2034\r\n";
        office().multiPart("file", "2034年节假日.csv", csv.getBytes(Charset.forName("GBK")), "text/csv")
                .queryParam("dryRun", true).when().post("/api/calendar/import")
                .then().statusCode(200).body("years[0].action", equalTo("CREATED"));
        office().contentType("text/csv").body(csv.getBytes(Charset.forName("GBK"))).when().post("/api/calendar/import")
                .then().statusCode(200);
        office().when().get("/api/calendar/2034").then().statusCode(200).body("days[0].name", equalTo("国庆节"));
    }

    @Test
    void whatIsNotAScheduleIsRefused() {
        office().contentType("text/csv").body(utf8("日期,类型\r\n2034-10-02,OFF\r\n")).when().post("/api/calendar/import")
                .then().statusCode(422).body("errors[0].field", equalTo("line 1"))
                .body("errors[0].message", containsString("unknown column '日期'"));
        office().contentType("text/csv").body(HEADER).when().post("/api/calendar/import")
                .then().statusCode(422).body("errors[0].message", containsString("no dates"));
        office().multiPart("file", "holidays.xlsx", new byte[]{1, 2, 3}, "application/octet-stream")
                .when().post("/api/calendar/import").then().statusCode(415).contentType("application/problem+json");
        office().contentType("application/json").body("{}").when().post("/api/calendar/import")
                .then().statusCode(415);
    }
}
