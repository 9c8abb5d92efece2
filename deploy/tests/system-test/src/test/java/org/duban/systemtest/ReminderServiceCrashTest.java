package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.duban.localstack.ChildProcess;
import org.duban.localstack.StackProcesses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * reminder-service dies (SIGKILL) in the middle of a big run — thirty days before the year-end
 * deadline, when every open year-end assignment is owed its DUE_SOON — and is started again; the
 * next run for the same instant sends what the dead one had not. In the end every owed reminder
 * reached its unit exactly once: once in the inbox, in exactly one digest event on
 * {@code duban.notifications} (a redelivered record repeats the same event id, which consumers drop),
 * in exactly one e-mail and one webhook message per digest, and in exactly one message of each of the
 * units' WeCom, DingTalk (signed) and Feishu (signed) group robots.
 */
@Order(2)
@ExtendWith(StackLogsOnFailure.class)
class ReminderServiceCrashTest {

    static final String AT = "2022-12-01T09:00:00+08:00";
    static final String OCCASION = "2022-12-01";
    static final Map<String, String> MAIL = Map.of("gov-340300", "gkb@bengbu.example.cn", "ah-jyt", "bgs@jyt.example.cn");
    static final String OA_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("provincial-oa-webhook-secret-0032".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final WebhookReceiver OA = new WebhookReceiver(OA_SECRET);
    static final RobotReceiver ROBOTS = new RobotReceiver();

    @BeforeAll
    static void unitsCanBeReachedByMailAndTheProvincialOaTakesEveryDigest() {
        SamplePlan.importAnswer();
        MAIL.forEach(Channels::setEmail);
        Gateway.as(Users.integrator()).body(Map.of("url", OA.url(), "secret", OA_SECRET, "events", List.of("*")))
                .when().post("/api/webhooks").then().statusCode(201);
        // and each unit's group chats: a WeCom robot, a signed DingTalk robot, a signed Feishu bot
        for (String unit : MAIL.keySet()) {
            for (Map<String, String> channel : List.of(
                    Map.of("type", "WECOM", "target", ROBOTS.wecom(robot(unit, "WECOM"))),
                    Map.of("type", "DINGTALK", "target", ROBOTS.dingtalk(robot(unit, "DINGTALK"), "SEC-" + unit),
                            "secret", "SEC-" + unit),
                    Map.of("type", "FEISHU", "target", ROBOTS.feishu(robot(unit, "FEISHU"), "fs-" + unit), "secret", "fs-" + unit))) {
                Map<String, String> body = new HashMap<>(channel);
                body.put("unitCode", unit);
                Gateway.as(Users.office()).body(body).when().post("/api/channels").then().statusCode(201);
            }
        }
    }

    static String robot(String unit, String type) {
        return (type + "-" + unit).toLowerCase();
    }

    @Test
    void aRunKilledHalfwayIsFinishedByTheNextWithoutLosingOrRepeatingAReminder() throws Exception {
        // what the run owes for certain: a DUE_SOON (30 days ahead) to every open year-end assignment
        Set<Long> dueSoon = Gateway.all(Users.office(), "/api/assignments",
                        Map.of("planId", SamplePlan.id(), "dueBefore", "2023-01-01")).stream()
                .filter(a -> "2022-12-31".equals(a.get("dueDate")) && a.get("unitCode") != null
                        && List.of("NOT_STARTED", "IN_PROGRESS").contains(a.get("status")))
                .map(Gateway::id).collect(Collectors.toSet());
        assertTrue(dueSoon.size() > 1000, "a big run: " + dueSoon.size());
        await("reminder-service's copy has every open year-end assignment").atMost(Duration.ofSeconds(60))
                .until(() -> ReminderDatabase.openDueOn(SamplePlan.id(), "2022-12-31").equals(dueSoon));

        ChildProcess reminderService = SystemStack.get().service(StackProcesses.REMINDER_SERVICE);
        Instant before = Instant.now();
        long killedRun;
        long recordedBeforeTheKill;
        CompletableFuture<Integer> killedCall;
        // A second replica records one reminder in the middle of the list and holds it: the run commits
        // the chunks before it, then waits there — and is killed while it waits.
        long held = dueSoon.stream().sorted().skip(dueSoon.size() / 2).findFirst().orElseThrow();
        try (AutoCloseable otherReplica = ReminderDatabase.holdReminder(held, "DUE_SOON", OCCASION)) {
            killedCall = CompletableFuture.supplyAsync(() -> Gateway.as(Users.office()).queryParam("at", AT)
                    .when().post("/api/reminders/run").then().extract().statusCode())
                    .exceptionally(connectionLost -> -1);
            await("the run waits for the held reminder").atMost(Duration.ofSeconds(60))
                    .until(() -> ReminderDatabase.runsWaitingForAHeldReminder() > 0);
            killedRun = ReminderDatabase.latestRun();
            recordedBeforeTheKill = ReminderDatabase.recordedBy(killedRun);
            assertFalse(ReminderDatabase.finished(killedRun), "the run has not finished");
            assertTrue(recordedBeforeTheKill > 0, "the run had recorded part of its reminders");
            reminderService.kill();
        }
        assertNotEquals(200, killedCall.get(60, TimeUnit.SECONDS), "the office's request died with the service");
        assertFalse(ReminderDatabase.finished(killedRun), "the killed run never finished");
        assertEquals(recordedBeforeTheKill, ReminderDatabase.recordedBy(killedRun), "nothing after the kill was kept");

        reminderService.start();
        JsonPath rerun = Gateway.runReminders(AT);
        long owed = rerun.getLong("evaluated");
        assertEquals(recordedBeforeTheKill, rerun.getLong("skipped"), "what the killed run recorded is not sent again");
        assertEquals(owed - recordedBeforeTheKill, rerun.getLong("sent"), "and the rest is sent now");
        assertEquals(0, Gateway.runReminders(AT).getLong("sent"), "a third run has nothing left to send");
        Set<Long> runs = Set.of(killedRun, rerun.getLong("runId"));

        // the inbox: every owed reminder once
        List<Map<String, Object>> inbox = Gateway.all(Users.office(), "/api/notifications", Map.of("since", before.toString()));
        assertEquals(inbox.size(), inbox.stream().map(Channels::key).distinct().count(), "no unit got a reminder twice");
        assertEquals(owed, inbox.stream().map(n -> n.get("assignmentId") + "|" + n.get("kind") + "|" + n.get("occasion"))
                .distinct().count(), "every owed reminder is in an inbox");
        assertEquals(dueSoon, inbox.stream().filter(n -> n.get("kind").equals("DUE_SOON") && n.get("occasion").equals(OCCASION))
                .map(n -> SupervisionStoryTest.number(n, "assignmentId")).collect(Collectors.toSet()),
                "each open year-end assignment was told it is due in 30 days");
        Set<Long> inboxIds = inbox.stream().map(Gateway::id).collect(Collectors.toSet());

        // duban.notifications: each inbox entry in exactly one digest event
        List<Channels.Digest> records = Channels.digests(d -> runs.contains(d.runId()), found -> found.stream()
                .flatMap(d -> d.notifications().stream()).map(n -> n.get("id").asLong()).collect(Collectors.toSet()).containsAll(inboxIds));
        Map<String, Channels.Digest> events = new HashMap<>();
        for (Channels.Digest d : records) {
            Channels.Digest first = events.putIfAbsent(d.eventId(), d);
            assertTrue(first == null || first.equals(d), "a record repeated under one event id is an identical copy");
        }
        Map<Long, Set<String>> eventsPerNotification = new HashMap<>();
        events.values().forEach(d -> d.notifications().forEach(n ->
                eventsPerNotification.computeIfAbsent(n.get("id").asLong(), id -> new HashSet<>()).add(d.eventId())));
        assertEquals(inboxIds, eventsPerNotification.keySet(), "the topic tells exactly what the inboxes show");
        assertTrue(eventsPerNotification.values().stream().allMatch(ids -> ids.size() == 1), "each in one event");
        assertEquals(events.size(), events.values().stream().map(d -> d.runId() + "|" + d.unitCode()).distinct().count(),
                "one digest per run and unit");

        // e-mail: one per digest, and each reminder in exactly one of them
        for (Map.Entry<String, String> unit : MAIL.entrySet()) {
            long digests = events.values().stream().filter(d -> d.unitCode().equals(unit.getKey())).count();
            assertTrue(digests > 0, unit.getKey() + " was reminded");
            await(unit.getKey() + "'s digests by e-mail").atMost(Duration.ofSeconds(60))
                    .until(() -> Channels.mailsTo(unit.getValue()).size() >= digests);
            List<Channels.Mail> mails = Channels.mailsTo(unit.getValue());
            assertEquals(digests, mails.size(), "one e-mail per digest to " + unit.getKey());
            for (Map<String, Object> n : inbox.stream().filter(n -> n.get("unitCode").equals(unit.getKey())).toList()) {
                assertEquals(1, mails.stream().filter(m -> m.text().contains((String) n.get("title"))).count(),
                        "one e-mail tells " + unit.getKey() + ": " + n.get("title"));
            }
        }

        // the units' group robots: each reminder in exactly one message of each robot, none refused
        for (String unit : MAIL.keySet()) {
            List<String> titles = inbox.stream().filter(n -> n.get("unitCode").equals(unit)).map(n -> (String) n.get("title")).toList();
            for (String type : List.of("WECOM", "DINGTALK", "FEISHU")) {
                String token = robot(unit, type);
                await(unit + "'s " + type + " robot shows every reminder").atMost(Duration.ofSeconds(90))
                        .until(() -> titles.stream().allMatch(t -> ROBOTS.shown(token).stream().anyMatch(m -> m.contains(t))));
                List<String> shown = ROBOTS.shown(token);
                for (String title : titles) {
                    assertEquals(1, shown.stream().filter(m -> m.contains("】" + title + "**")).count(),
                            unit + "'s " + type + " robot shows once: " + title);
                }
            }
        }
        assertEquals(List.of(), ROBOTS.refused(), "no robot refused a message (signature, shape, length)");

        // the provincial OA system's webhook: every digest, signed, each message id once
        Set<String> messages = events.values().stream().map(Channels.Digest::messageId).collect(Collectors.toSet());
        await("every digest reaches the OA system").atMost(Duration.ofSeconds(90))
                .until(() -> OA.received().stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()).containsAll(messages));
        List<WebhookReceiver.Received> hooks = OA.received().stream().filter(r -> messages.contains(r.id())).toList();
        assertTrue(hooks.stream().allMatch(WebhookReceiver.Received::signatureValid), "signed with the subscription's secret");
        Map<String, Set<String>> bodies = hooks.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::id,
                Collectors.mapping(WebhookReceiver.Received::text, Collectors.toSet())));
        assertTrue(bodies.values().stream().allMatch(b -> b.size() == 1), "a retried message carries the very same body");
        for (Channels.Digest d : events.values()) {
            JsonNode hook = Channels.JSON.readTree(bodies.get(d.messageId()).iterator().next());
            assertEquals(d.notifications().size(), hook.at("/data/notifications").size(), d.messageId());
        }
    }
}
