package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.localstack.ChildProcess;
import org.duban.localstack.StackProcesses;
import org.duban.testsupport.SyntheticPlans;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * task-service dies (SIGKILL) in the middle of a big plan import, and again in the middle of a burst of
 * transitions, and is started again. The import is all or nothing: the killed one left no row, no event
 * and no feed entry, and the same document then imports whole. Every transition the users were told
 * succeeded (2xx) is stored, is on {@code duban.assignments} exactly once (one event id per assignment
 * and version; a record repeated under the same id is the outbox's at-least-once delivery, which consumers
 * drop), and an OA system pulling the sync feed through the crash reads every change once, at positions
 * without a gap.
 */
@Order(4)
@ExtendWith(StackLogsOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskServiceCrashTest {

    /** 150 tasks, each to a department and every city and county government: ~18,000 assignments, some 36 batches. */
    static final int TASKS = 150;
    static final String DOCUMENT = "皖政办〔2022〕150号";
    static final List<String> STEPS = List.of("IN_PROGRESS", "SUBMITTED");

    @Test
    @Order(1)
    void anImportKilledHalfwayLeavesNothingAndTheSameDocumentThenImportsWhole() throws Exception {
        assertNull(planId(), "the plan is not there yet");
        byte[] plan = SyntheticPlans.text(DOCUMENT, TASKS);
        ChildProcess taskService = SystemStack.get().service(StackProcesses.TASK_SERVICE);
        Map<String, Long> before = TaskDatabase.rows();
        long firstId = TaskDatabase.lastAssignmentId();

        CompletableFuture<Integer> killedCall = CompletableFuture.supplyAsync(() -> importPlan(plan).statusCode())
                .exceptionally(connectionLost -> -1);
        // ids are taken from the sequence as the batches are written, committed or not: a third of the way
        await("the import is a third of the way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> killedCall.isDone() || TaskDatabase.lastAssignmentId() - firstId > TASKS * 100 / 3);
        assertFalse(killedCall.isDone(), "the import was still running when task-service was killed (it answered "
                + (killedCall.isDone() ? killedCall.get() : null) + ")");
        long idsTaken = TaskDatabase.lastAssignmentId() - firstId;
        taskService.kill();
        assertNotEquals(201, killedCall.get(60, TimeUnit.SECONDS), "the office's request died with the service");
        System.out.printf("TaskServiceCrashTest: task-service killed while importing, %d assignment ids taken%n", idsTaken);

        taskService.start();
        assertNull(planId(), "no plan");
        assertEquals(before, TaskDatabase.rows(), "no row of the killed import: no task, assignment, event or feed entry");

        // the same document again: the whole plan, each assignment announced and in the feed once
        Gateway.Sync feed = Gateway.pullSync(null);
        JsonPath answer = importPlan(plan).then().statusCode(201).extract().jsonPath();
        long planId = answer.getLong("plan.id");
        int assignments = answer.getInt("assignments");
        assertEquals(TASKS, answer.getInt("tasks"));
        assertTrue(assignments > TASKS * 100, "every city and county government has a share: " + assignments);
        Set<Long> stored = Gateway.all(Users.office(), "/api/assignments", Map.of("planId", planId)).stream()
                .map(Gateway::id).collect(Collectors.toSet());
        assertEquals(assignments, stored.size(), "every assignment is stored");

        List<Map<String, Object>> created = Gateway.pullSync(feed.cursor()).changes().stream()
                .filter(c -> SupervisionStoryTest.number(c, "planId") == planId).toList();
        assertEquals(assignments, created.size(), "one feed entry per assignment");
        assertEquals(stored, created.stream().map(Gateway::id).collect(Collectors.toSet()));

        String planField = "\"planId\":" + planId + ",";
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(SystemStack.get().kafka.bootstrapServers(),
                "duban.assignments", r -> r.value().contains("\"type\":\"duban.assignment.created\"") && r.value().contains(planField),
                found -> found.stream().map(TaskServiceCrashTest::eventId).distinct().count() >= assignments, Duration.ofSeconds(180));
        Map<String, Set<String>> eventsPerAssignment = new HashMap<>();
        records.forEach(r -> eventsPerAssignment.computeIfAbsent(r.key(), k -> new HashSet<>()).add(eventId(r)));
        assertEquals(stored.stream().map(String::valueOf).collect(Collectors.toSet()), eventsPerAssignment.keySet(),
                "every assignment is announced");
        assertTrue(eventsPerAssignment.values().stream().allMatch(ids -> ids.size() == 1), "each once");
    }

    /** One transition the user was told had succeeded. */
    private record Acknowledged(long assignmentId, String to, long version) {
    }

    @Test
    @Order(2)
    void aBurstOfTransitionsKilledHalfwayKeepsEveryAcknowledgedOneAndPublishesEachChangeOnce() throws Exception {
        long planId = bigPlan();
        List<Long> hefei = Gateway.all(Users.hefei(), "/api/assignments", Map.of("planId", planId, "status", "NOT_STARTED"))
                .stream().map(Gateway::id).sorted().toList();
        assertTrue(hefei.size() >= TASKS / 2, "Hefei has a share of every task: " + hefei.size());

        // an OA system pulls the feed all along, keeping its cursor
        Gateway.Sync start = Gateway.pullSync(null);
        long lastPosition = SupervisionStoryTest.number(start.changes().getLast(), "position");
        List<Map<String, Object>> pulled = new ArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            String cursor = start.cursor();
            while (reading.get()) {
                try {
                    Gateway.Sync page = Gateway.pullSync(cursor);
                    pulled.addAll(page.changes());
                    cursor = page.cursor();
                } catch (Throwable serviceDown) {
                    // 502 while task-service is away: the cursor stays where it was
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            return cursor;
        });

        // Hefei's staff start and submit their work, four at a time; task-service is killed in the middle
        ConcurrentLinkedQueue<Long> queue = new ConcurrentLinkedQueue<>(hefei);
        Set<Long> touched = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService staff = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            staff.execute(() -> {
                for (Long id = queue.poll(); id != null; id = queue.poll()) {
                    touched.add(id);
                    for (String to : STEPS) {
                        try {
                            JsonPath moved = Gateway.move(Users.hefei(), id, to, "按计划推进");
                            acknowledged.add(new Acknowledged(id, to, moved.getLong("version")));
                        } catch (Throwable serviceDown) {
                            return; // not acknowledged: it may or may not have been stored
                        }
                    }
                }
            });
        }
        ChildProcess taskService = SystemStack.get().service(StackProcesses.TASK_SERVICE);
        await("the burst is under way").atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 60);
        taskService.kill();
        staff.shutdown();
        assertTrue(staff.awaitTermination(60, TimeUnit.SECONDS));
        assertFalse(queue.isEmpty(), "the burst was cut short");
        taskService.start();
        reading.set(false);
        pulled.addAll(Gateway.pullSync(reader.get(60, TimeUnit.SECONDS)).changes());

        // every touched assignment as it stands now: its version says how many of the two moves were stored
        Map<Long, Long> versions = new TreeMap<>();
        for (long id : touched) {
            JsonPath now = Gateway.as(Users.hefei()).when().get("/api/assignments/" + id).then().statusCode(200).extract().jsonPath();
            long version = now.getLong("version");
            versions.put(id, version);
            assertEquals(version == 0 ? "NOT_STARTED" : STEPS.get((int) version - 1), now.getString("status"), "assignment " + id);
        }
        for (Acknowledged ack : acknowledged) {
            assertTrue(versions.get(ack.assignmentId()) >= ack.version(), "acknowledged and stored: " + ack);
        }
        Set<String> changes = versions.entrySet().stream()
                .flatMap(e -> LongStream.rangeClosed(1, e.getValue()).mapToObj(v -> e.getKey() + "@" + v))
                .collect(Collectors.toSet());
        assertTrue(changes.size() >= acknowledged.size());

        System.out.printf("TaskServiceCrashTest: killed after %d acknowledged transitions; %d changes of %d assignments stored%n",
                acknowledged.size(), changes.size(), touched.size());

        // duban.assignments: each stored change under exactly one event id, with the status of that version
        Set<String> keys = touched.stream().map(String::valueOf).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(SystemStack.get().kafka.bootstrapServers(),
                "duban.assignments", r -> keys.contains(r.key()) && r.value().contains("\"type\":\"duban.assignment.status-changed\""),
                found -> found.stream().map(TaskServiceCrashTest::change).distinct().count() >= changes.size(), Duration.ofSeconds(120));
        Map<String, Set<String>> eventIds = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            eventIds.computeIfAbsent(change(r), c -> new HashSet<>()).add(eventId(r));
            JsonNode data = json(r.value()).get("data");
            assertEquals(STEPS.get(data.get("version").asInt() - 1), data.get("status").asText(), r.value());
        }
        assertEquals(changes, eventIds.keySet(), "every stored change is published, and nothing else");
        assertTrue(eventIds.values().stream().allMatch(ids -> ids.size() == 1), "each change under one event id: " + eventIds);

        // the sync feed, as the OA system pulled it through the crash: every change once, positions without a gap
        List<Long> positions = pulled.stream().map(c -> SupervisionStoryTest.number(c, "position")).toList();
        assertEquals(LongStream.rangeClosed(lastPosition + 1, lastPosition + pulled.size()).boxed().toList(), positions,
                "contiguous positions after " + lastPosition);
        assertEquals(changes, pulled.stream().map(c -> Gateway.id(c) + "@" + SupervisionStoryTest.number(c, "version"))
                .collect(Collectors.toSet()), "every stored change in the feed");
        assertEquals(changes.size(), pulled.size(), "each once");
    }

    /** The big plan's id; imported first when a test runs alone. */
    private static synchronized long bigPlan() {
        Long id = planId();
        if (id == null) {
            id = importPlan(SyntheticPlans.text(DOCUMENT, TASKS)).then().statusCode(201).extract().jsonPath().getLong("plan.id");
        }
        return id;
    }

    private static io.restassured.response.Response importPlan(byte[] plan) {
        return Gateway.as(Users.office()).contentType("text/plain; charset=UTF-8").body(plan).when().post("/api/plans/import");
    }

    /** The id of the plan with {@link #DOCUMENT}, or null. */
    private static Long planId() {
        return Gateway.all(Users.office(), "/api/plans", Map.of()).stream()
                .filter(p -> DOCUMENT.equals(p.get("documentNumber"))).map(Gateway::id).findFirst().orElse(null);
    }

    /** "assignment@version" of an event. */
    private static String change(ConsumerRecord<String, String> record) {
        return record.key() + "@" + json(record.value()).at("/data/version").asLong();
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return json(record.value()).get("id").asText();
    }

    private static JsonNode json(String text) {
        try {
            return Channels.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
