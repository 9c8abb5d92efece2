package org.duban.reminder.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.duban.reminder.Rows;
import org.duban.reminder.Upstream;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hefei subscribes to its calendar: the sample plan imported through task-service, task 39 (due 2022-06-30) in
 * Hefei's feed as an all-day event with the plan's alarms; a milestone appears and leaves when done; submitted work
 * leaves the feed; a new URL makes the old one 404.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalendarFeedTest {

    static final String HEFEI = "gov-340100";

    static long planId;
    static long task39;
    static String feedUrl;
    static String etag;

    @Inject
    Rows rows;

    static String path(String url) {
        return URI.create(url).getRawPath();
    }

    static ExtractableResponse<Response> fetch(String url) {
        return given().when().get(path(url)).then().extract();
    }

    static Calendar parse(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        var result = calendar.validate();
        assertFalse(result.hasErrors(), result.toString());
        return calendar;
    }

    static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> uid.equals(e.getProperty("UID").orElseThrow().getValue())).findFirst().orElse(null);
    }

    @Test
    @Order(1)
    void hefeisFeedHasTask39sDueDateWithThePlansAlarms() throws Exception {
        planId = Upstream.importSamplePlan("皖政务办〔2022〕3号（日历订阅）");
        // the plan's own policy keeps other tests' runs away from it and fixes the alarms
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("leadDays", List.of(7, 1), "onDueDate", true, "milestoneLeadDays", List.of(3), "sendAt", "09:00"))
                .when().put("/api/reminder-policies/" + planId).then().statusCode(200);
        task39 = Upstream.assignments(planId, 39).get(HEFEI);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                "SELECT count(*) FROM assignment_copy WHERE id = ?1 AND due_date = DATE '2022-06-30'", task39) == 1);

        feedUrl = given().auth().oauth2(TestTokens.unit(HEFEI)).when().post("/api/units/" + HEFEI + "/calendar-feed")
                .then().statusCode(200).extract().path("url");
        var answer = fetch(feedUrl);
        assertEquals(200, answer.statusCode());
        assertEquals("text/calendar;charset=utf-8", answer.contentType().replace(" ", "").toLowerCase());
        etag = answer.header("ETag");
        assertNotNull(etag);
        assertNotNull(answer.header("Last-Modified"));
        byte[] bytes = answer.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertFalse(text.replace("\r\n", "").contains("\n"), "CRLF only");

        Calendar calendar = parse(text);
        assertEquals("督办 · 合肥市人民政府", calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue());
        VEvent due = event(calendar, "assignment-" + task39 + "@duban");
        assertNotNull(due, "task 39 is in Hefei's feed");
        assertEquals("20220630", due.getProperty("DTSTART").orElseThrow().getValue());
        assertEquals("20220701", due.getProperty("DTEND").orElseThrow().getValue());
        assertTrue(due.getProperty("SUMMARY").orElseThrow().getValue().startsWith("【督办】第39项任务截止：认真分析研究国办"),
                due.getProperty("SUMMARY").orElseThrow().getValue());
        assertTrue(due.getProperty("DESCRIPTION").orElseThrow().getValue().contains("/assignments/" + task39));
        assertEquals(List.of("PT9H", "-PT15H", "-P6DT15H"),
                due.getAlarms().stream().map(a -> a.getProperty("TRIGGER").orElseThrow().getValue()).toList());

        // once the copy has the whole import, the feed holds still: 304 to the ETag the calendar app holds
        String[] last = {etag};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String now = fetch(feedUrl).header("ETag");
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        etag = last[0];
        given().header("If-None-Match", etag).when().get(path(feedUrl)).then().statusCode(304).header("ETag", etag);
    }

    @Test
    @Order(2)
    void aMilestoneAppearsAndLeavesWhenDone() throws Exception {
        long milestone = Upstream.tasks(TestTokens.admin()).body(Map.of("title", "报送整改工作方案", "dueDate", "2022-05-31"))
                .when().post("/api/assignments/" + task39 + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> event(parse(fetch(feedUrl).asString()), "milestone-" + milestone + "@duban") != null);
        var answer = fetch(feedUrl);
        assertNotEquals(etag, answer.header("ETag"), "a change makes a new ETag");
        given().header("If-None-Match", etag).when().get(path(feedUrl)).then().statusCode(200);
        VEvent m = event(parse(answer.asString()), "milestone-" + milestone + "@duban");
        assertEquals("20220531", m.getProperty("DTSTART").orElseThrow().getValue());
        assertEquals("【督办】第39项任务节点：报送整改工作方案", m.getProperty("SUMMARY").orElseThrow().getValue());
        assertEquals(List.of("-P2DT15H"), m.getAlarms().stream().map(a -> a.getProperty("TRIGGER").orElseThrow().getValue()).toList());

        Upstream.tasks(TestTokens.unit(HEFEI)).body(Map.of("note", "方案已报送"))
                .when().post("/api/milestones/" + milestone + "/complete").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> event(parse(fetch(feedUrl).asString()), "milestone-" + milestone + "@duban") == null);
        assertNotNull(event(parse(fetch(feedUrl).asString()), "assignment-" + task39 + "@duban"));
    }

    @Test
    @Order(3)
    void submittedWorkLeavesTheFeed() throws Exception {
        Upstream.move(task39, TestTokens.unit(HEFEI), "IN_PROGRESS");
        Upstream.move(task39, TestTokens.unit(HEFEI), "SUBMITTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> event(parse(fetch(feedUrl).asString()), "assignment-" + task39 + "@duban") == null);
    }

    @Test
    @Order(4)
    void aNewUrlMakesTheOldOne404() {
        String newer = given().auth().oauth2(TestTokens.admin()).when().post("/api/units/" + HEFEI + "/calendar-feed")
                .then().statusCode(200).extract().path("url");
        assertNotEquals(feedUrl, newer);
        given().when().get(path(feedUrl)).then().statusCode(404).contentType("application/problem+json");
        given().when().get(path(newer)).then().statusCode(200);
        assertEquals(1, rows.count("SELECT count(*) FROM calendar_feed WHERE unit_code = ?1", HEFEI), "one URL per unit");
    }
}
