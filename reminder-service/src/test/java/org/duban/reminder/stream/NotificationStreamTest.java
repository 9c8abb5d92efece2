package org.duban.reminder.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.CopiedAssignments.Row;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live inbox as a console holds it: a reminder run's notification reaches an open stream within a second;
 * what another replica commits arrives too (it is read from the database, not from this JVM); a reconnect with
 * Last-Event-ID misses nothing; ids become visible in id order. Units and assignments of its own (test-sse-*), a
 * plan of its own in May 2021, which no other test runs in.
 */
@QuarkusTest
class NotificationStreamTest {

    static final long FIRST = 9_300_000_001L;
    static final long LAST = 9_300_000_999L;
    static final long PLAN = 930_001;
    static final String UNIT = "test-sse-a";
    static final String OTHER = "test-sse-b";

    @TestHTTPResource("/api/notifications/stream")
    URL stream;
    @Inject
    CopiedAssignments copies;
    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;

    final List<SseClient> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        open.forEach(SseClient::close);
        copies.forget(FIRST, LAST);
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM notification WHERE unit_code LIKE 'test-sse-%'");
        }
    }

    SseClient connect(String token, String lastEventId) throws Exception {
        return connect(token, lastEventId, "");
    }

    SseClient connect(String token, String lastEventId, String query) throws Exception {
        SseClient client = SseClient.open(URI.create(stream + query), token, lastEventId);
        open.add(client);
        if (client.status() == 200) {
            assertEquals("督办 live inbox", client.nextComment(Duration.ofSeconds(10)), "the stream opens at once");
        }
        return client;
    }

    @Test
    void aRemindersNotificationReachesAnOpenStreamWithinASecond() throws Exception {
        var current = given().auth().oauth2(TestTokens.admin()).when().get("/api/reminder-policies/" + PLAN)
                .then().statusCode(200).extract();
        var put = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("leadDays", List.of(1), "onDueDate", true, "overdueRepeatDays", 0, "escalateAfterDays", 0));
        if ("own".equals(current.header("X-Policy-Source"))) {
            put.header("If-Match", current.header("ETag"));
        }
        put.when().put("/api/reminder-policies/" + PLAN).then().statusCode(200);
        copies.insert(Row.open(FIRST, PLAN, 93_039, UNIT, LocalDate.of(2021, 5, 12)).unit(UNIT, "测试甲市人民政府"));
        SseClient hefei = connect(TestTokens.unit(UNIT), null);
        assertEquals("no-cache, no-transform", hefei.header("Cache-Control"));

        long started = System.nanoTime();
        given().auth().oauth2(TestTokens.admin()).queryParam("at", "2021-05-12T09:00:00+08:00")
                .when().post("/api/reminders/run").then().statusCode(200);
        long answered = System.nanoTime();
        SseClient.Event event = hefei.next(Duration.ofSeconds(5));
        assertNotNull(event, "the reminder reached the stream");
        double fromStart = (event.arrivedNanos() - started) / 1e6;
        double afterAnswer = (event.arrivedNanos() - answered) / 1e6;
        System.out.printf("live inbox: the DUE_TODAY event arrived %.1f ms after the run was called, %.1f ms after it answered%n",
                fromStart, afterAnswer);
        assertTrue(afterAnswer < 1000, "within a second of the run: " + afterAnswer + " ms");
        assertEquals("notification", event.name());
        JsonNode n = json.readTree(event.data());
        assertEquals(Long.parseLong(event.id()), n.get("id").asLong(), "the event id is the notification id");
        assertEquals(UNIT, n.get("unitCode").asText());
        assertEquals("DUE_TODAY", n.get("kind").asText());
        assertEquals(FIRST, n.get("assignmentId").asLong());
        assertTrue(n.get("title").asText().startsWith("第39项任务今天到期"), n.toString());
    }

    @Test
    void whatAnotherReplicaCommitsArrivesAndEachUnitSeesOnlyItsOwn() throws Exception {
        SseClient a = connect(TestTokens.unit(UNIT), null);
        SseClient b = connect(TestTokens.unit(OTHER), null);
        SseClient office = connect(TestTokens.admin(), null, "?unit=" + UNIT);
        SseClient all = connect(TestTokens.admin(), null);
        long forA = insert(UNIT, 1);
        long forB = insert(OTHER, 2);
        assertEquals(String.valueOf(forA), a.next(Duration.ofSeconds(5)).id());
        assertEquals(String.valueOf(forB), b.next(Duration.ofSeconds(5)).id());
        assertEquals(String.valueOf(forA), office.next(Duration.ofSeconds(5)).id());
        List<String> both = List.of(all.next(Duration.ofSeconds(5)).id(), all.next(Duration.ofSeconds(5)).id());
        assertEquals(List.of(String.valueOf(forA), String.valueOf(forB)), both, "the admin's stream has every unit's, in order");
        assertNull(a.next(Duration.ofMillis(500)), "not another unit's");
        assertNull(office.next(Duration.ofMillis(100)));
    }

    @Test
    void aReconnectWithLastEventIdMissesNothing() throws Exception {
        SseClient first = connect(TestTokens.unit(UNIT), null);
        long n1 = insert(UNIT, 1);
        assertEquals(String.valueOf(n1), first.next(Duration.ofSeconds(5)).id());
        first.close();
        // while the console is away (a network change, another replica's restart)
        long n2 = insert(UNIT, 2);
        insert(OTHER, 3);
        long n3 = insert(UNIT, 4);

        SseClient again = connect(TestTokens.unit(UNIT), String.valueOf(n1));
        assertEquals(List.of(String.valueOf(n2), String.valueOf(n3)),
                List.of(again.next(Duration.ofSeconds(5)).id(), again.next(Duration.ofSeconds(5)).id()), "first what it missed");
        long n4 = insert(UNIT, 5);
        assertEquals(String.valueOf(n4), again.next(Duration.ofSeconds(5)).id(), "then live");
        assertNull(again.next(Duration.ofMillis(300)), "each once");
    }

    @Test
    void moreMissedThanAReplayCarriesSaysReloadAndGoesOn() throws Exception {
        long before = insert(UNIT, 0);
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO notification (unit_code, assignment_id, kind, occasion, title, body, created_at) "
                    + "SELECT '" + UNIT + "', " + FIRST + " + g, 'DUE_SOON', DATE '2021-05-01', 't', 'b', now() FROM generate_series(1, 501) g");
        }
        SseClient client = connect(TestTokens.unit(UNIT), String.valueOf(before));
        SseClient.Event reset = client.next(Duration.ofSeconds(5));
        assertEquals("reset", reset.name(), reset.toString());
        assertTrue(reset.data().contains("reload the inbox"), reset.data());
        long after = insert(UNIT, 600);
        assertEquals(String.valueOf(after), client.next(Duration.ofSeconds(5)).id());
    }

    @Test
    void idsBecomeVisibleInIdOrder() throws Exception {
        try (Connection slow = db.getConnection(); Connection quick = db.getConnection()) {
            slow.setAutoCommit(false);
            quick.setAutoCommit(false);
            long first = insert(slow, UNIT, 1);
            // a second transaction's insert waits until the first one ended, so its id cannot become visible first
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
                try {
                    long id = insert(quick, UNIT, 2);
                    quick.commit();
                    return id;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThrows(TimeoutException.class, () -> second.get(700, TimeUnit.MILLISECONDS));
            slow.commit();
            assertTrue(second.get(5, TimeUnit.SECONDS) > first);
        }
    }

    @Test
    void whoMayListen() throws Exception {
        assertEquals(401, connect(null, null).status());
        SseClient other = connect(TestTokens.unit(UNIT), null, "?unit=" + OTHER);
        assertEquals(403, other.status());
        assertTrue(other.body().contains("another unit"));
        SseClient noUnit = connect(TestTokens.token("nobody", List.of("unit"), null), null);
        assertEquals(403, noUnit.status());
        SseClient badId = connect(TestTokens.unit(UNIT), "yesterday");
        assertEquals(400, badId.status());
        assertTrue(badId.body().contains("Last-Event-ID"));
        assertEquals(200, connect(TestTokens.viewer(), null).status());
    }

    @Test
    void aQuietStreamGetsHeartbeats() throws Exception {
        SseClient quiet = connect(TestTokens.unit(UNIT), null);
        assertEquals("heartbeat", quiet.nextComment(Duration.ofSeconds(5)));
        assertFalse(quiet.drain(Duration.ofMillis(100)).stream().anyMatch(e -> e.name().equals("notification")));
    }

    /** A notification as another replica (or any writer) commits it: straight into the table. */
    long insert(String unit, int day) throws Exception {
        try (Connection c = db.getConnection()) {
            return insert(c, unit, day);
        }
    }

    static long insert(Connection c, String unit, int day) throws Exception {
        try (PreparedStatement ins = c.prepareStatement("""
                INSERT INTO notification (unit_code, assignment_id, task_number, kind, occasion, due_date, title, body, created_at)
                VALUES (?, ?, 39, 'OVERDUE', DATE '2021-05-13' + ?, DATE '2021-05-12', '第39项任务已逾期', '测试', now()) RETURNING id""")) {
            ins.setString(1, unit);
            ins.setLong(2, FIRST + 500 + day);
            ins.setInt(3, day);
            try (ResultSet r = ins.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
