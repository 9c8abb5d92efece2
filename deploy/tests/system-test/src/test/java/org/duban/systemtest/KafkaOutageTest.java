package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.localstack.KafkaProcess;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka broker is gone (SIGKILL) while Wuhu and the office move three assignments through their
 * workflow. The API keeps working and the sync feed shows each change at once; when the broker is
 * back, every change reaches {@code duban.assignments} once (by event id) and in order, and
 * reminder-service's copy catches up — the next reminder run reminds only the one still open.
 */
@Order(3)
@ExtendWith(StackLogsOnFailure.class)
class KafkaOutageTest {

    static final String WUHU = "gov-340200";

    @BeforeAll
    static void thePlanIsThere() {
        SamplePlan.importAnswer();
    }

    @Test
    void changesMadeWhileTheBrokerIsDownArePublishedOnceWhenItReturns() throws Exception {
        List<Long> open = Gateway.all(Users.wuhu(), "/api/assignments",
                        Map.of("planId", SamplePlan.id(), "status", "NOT_STARTED", "dueBefore", "2023-01-01")).stream()
                .filter(a -> "2022-12-31".equals(a.get("dueDate"))).map(Gateway::id).sorted().toList();
        assertTrue(open.size() >= 3, "Wuhu has year-end work not started: " + open);
        long started = open.get(0);
        long submitted = open.get(1);
        long completed = open.get(2);
        String cursor = Gateway.pullSync(null).cursor();

        KafkaProcess kafka = SystemStack.get().kafka;
        kafka.kill();
        try {
            Gateway.move(Users.wuhu(), started, "IN_PROGRESS", "已启动");
            Gateway.move(Users.wuhu(), submitted, "IN_PROGRESS", "已启动");
            Gateway.move(Users.wuhu(), submitted, "SUBMITTED", "已完成，申请办结");
            Gateway.as(Users.wuhu()).body(Map.of("text", "全部完成", "percent", 100))
                    .when().post("/api/assignments/" + completed + "/progress").then().statusCode(200);
            Gateway.move(Users.wuhu(), completed, "SUBMITTED", "申请办结");
            Gateway.move(Users.office(), completed, "COMPLETED", "同意办结");

            // the sync feed is the database's: it has every change already, in order, once
            List<String> expected = List.of(
                    started + " duban.assignment.status-changed IN_PROGRESS",
                    submitted + " duban.assignment.status-changed IN_PROGRESS",
                    submitted + " duban.assignment.status-changed SUBMITTED",
                    completed + " duban.assignment.status-changed IN_PROGRESS",
                    completed + " duban.assignment.progress-reported IN_PROGRESS",
                    completed + " duban.assignment.status-changed SUBMITTED",
                    completed + " duban.assignment.status-changed COMPLETED");
            assertEquals(expected, Gateway.pullSync(cursor).changes().stream()
                    .map(c -> c.get("id") + " " + c.get("changeType") + " " + c.get("status")).toList());
        } finally {
            kafka.resume();
        }

        // duban.assignments: every change once by event id, in order per assignment
        Set<String> keys = Set.of(Long.toString(started), Long.toString(submitted), Long.toString(completed));
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(kafka.bootstrapServers(), "duban.assignments",
                r -> keys.contains(r.key()) && !r.value().contains("\"type\":\"duban.assignment.created\""),
                found -> found.stream().map(KafkaOutageTest::eventId).distinct().count() >= 7, Duration.ofSeconds(90));
        Map<String, List<String>> perAssignment = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            String previous = seen.putIfAbsent(eventId(r), r.value());
            if (previous != null) {
                assertEquals(previous, r.value(), "a record published again is an identical copy of the same event");
                continue;
            }
            JsonNode event = Channels.JSON.readTree(r.value());
            perAssignment.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(event.get("type").asText() + " " + event.at("/data/status").asText());
        }
        assertEquals(7, seen.size(), "seven changes, seven events");
        assertEquals(List.of("duban.assignment.status-changed IN_PROGRESS"), perAssignment.get(Long.toString(started)));
        assertEquals(List.of("duban.assignment.status-changed IN_PROGRESS", "duban.assignment.status-changed SUBMITTED"),
                perAssignment.get(Long.toString(submitted)));
        assertEquals(List.of("duban.assignment.status-changed IN_PROGRESS", "duban.assignment.progress-reported IN_PROGRESS",
                "duban.assignment.status-changed SUBMITTED", "duban.assignment.status-changed COMPLETED"),
                perAssignment.get(Long.toString(completed)));

        // reminder-service's copy catches up, and a run the day before the deadline reminds only the open one
        await("reminder-service's copy follows the changes made during the outage").atMost(Duration.ofSeconds(90)).until(() ->
                ReminderDatabase.withStatus(List.of(started), "IN_PROGRESS").size() == 1
                        && ReminderDatabase.withStatus(List.of(submitted), "SUBMITTED").size() == 1
                        && ReminderDatabase.withStatus(List.of(completed), "COMPLETED").size() == 1);
        Gateway.runReminders("2022-12-30T09:00:00+08:00");
        Map<Long, List<String>> dueSoon = Gateway.all(Users.wuhu(), "/api/notifications", Map.of("kind", "DUE_SOON")).stream()
                .filter(n -> "2022-12-30".equals(n.get("occasion")))
                .collect(Collectors.groupingBy(n -> SupervisionStoryTest.number(n, "assignmentId"),
                        Collectors.mapping(n -> (String) n.get("title"), Collectors.toList())));
        assertEquals(List.of("第" + taskNumber(started) + "项任务还有1天到期（2022年12月31日）"), dueSoon.get(started),
                "the assignment still in progress is reminded once");
        assertTrue(!dueSoon.containsKey(submitted) && !dueSoon.containsKey(completed),
                "submitted and completed work is not: " + dueSoon.keySet());
        assertTrue(open.stream().skip(3).allMatch(dueSoon::containsKey), "Wuhu's other open year-end work is");
    }

    private static long taskNumber(long assignmentId) {
        return Gateway.as(Users.wuhu()).when().get("/api/assignments/" + assignmentId).then().statusCode(200)
                .extract().jsonPath().getLong("taskNumber");
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        try {
            return Channels.JSON.readTree(record.value()).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
