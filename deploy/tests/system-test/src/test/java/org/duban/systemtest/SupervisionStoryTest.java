package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The users' story through the gateway, with real tokens from Keycloak: the office imports the Anhui
 * 2022 plan, names the units of a vague group, reads the per-unit task list and the dashboard; Hefei
 * reports and asks to close its share of task 39, the office returns it once and then approves; the
 * reminder rules run at chosen instants and Wuhu, which did not finish, hears of task 39 in its inbox,
 * by e-mail, through its OA system's webhook and on Kafka — each reminder once; Hefei cannot read
 * Wuhu's inbox; an OA system pulls every change once from the sync feed.
 */
@Order(1)
@ExtendWith(StackLogsOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionStoryTest {

    static final String HEFEI = "gov-340100";
    static final String WUHU = "gov-340200";
    static final String OFFICE = "ah-zwgkb";
    static final String WUHU_MAIL = "gkb@wuhu.example.cn";
    static final String WUHU_OA_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("wuhu-oa-system-webhook-secret-32b".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final WebhookReceiver WUHU_OA = new WebhookReceiver(WUHU_OA_SECRET);

    /** Task 39 (各市、县政府… 6月底前): unit code → assignment id. */
    static Map<String, Long> task39;

    @BeforeAll
    static void theStackRuns() {
        SystemStack.get();
    }

    @Test
    @Order(1)
    void theOfficeImportsThePlan() {
        JsonPath imported = SamplePlan.importAnswer();
        assertEquals("皖政务办〔2022〕3号", imported.getString("plan.documentNumber"));
        assertEquals("安徽省2022年政务公开重点工作任务分工", imported.getString("plan.title"));
        assertEquals("2022-06-06", imported.getString("plan.issuedOn"));
        assertEquals(6, imported.getInt("categories"));
        assertEquals(44, imported.getInt("tasks"));
        assertEquals(List.of(), imported.getList("unresolved"), "every name in the plan is a known unit");
        List<Map<String, Object>> review = imported.getList("reviewNeeded");
        assertEquals(12, review.size(), "the vague groups (省政府各有关部门, 省有关单位…): " + review);
        assertTrue(review.stream().allMatch(r -> r.get("kind").equals("VAGUE_GROUP")), review.toString());

        Gateway.as(Users.viewer()).queryParam("planId", SamplePlan.id()).queryParam("size", 1)
                .when().get("/api/assignments").then().statusCode(200)
                .body("total", equalTo(imported.getInt("assignments")));
        // the same document again is refused and changes nothing
        Gateway.as(Users.office()).contentType("text/plain; charset=UTF-8").body(org.duban.testsupport.SamplePlans.anhui2022())
                .when().post("/api/plans/import").then().statusCode(409).contentType("application/problem+json");
        // only the office imports
        Gateway.as(Users.hefei()).contentType("text/plain; charset=UTF-8").body("x")
                .when().post("/api/plans/import").then().statusCode(403);
        Gateway.anonymous().when().get("/api/plans").then().statusCode(401);
    }

    @Test
    @Order(2)
    void theOfficeNamesTheUnitsOfAVagueGroup() {
        List<Map<String, Object>> toReview = Gateway.all(Users.office(), "/api/assignments",
                Map.of("planId", SamplePlan.id(), "reviewNeeded", true));
        Map<String, Object> group = toReview.stream()
                .filter(a -> ((Number) a.get("taskNumber")).intValue() == 12).findFirst().orElseThrow();
        assertEquals("公共企事业单位行政主管部门", group.get("unitName"));
        assertFalse(group.containsKey("unitCode"), "a group has no unit yet");

        // the water, market-supervision and development-reform departments answer for the public utilities
        List<Map<String, Object>> named = Gateway.as(Users.office())
                .body(Map.of("unitCodes", List.of("ah-slt", "ah-scjgj", "ah-fgw")))
                .when().post("/api/assignments/" + Gateway.id(group) + "/resolve")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(List.of("ah-slt", "ah-scjgj", "ah-fgw"), named.stream().map(a -> a.get("unitCode")).toList());
        for (Map<String, Object> a : named) {
            assertEquals(12, a.get("taskNumber"));
            assertEquals("2022-12-31", a.get("dueDate"));
            assertEquals(false, a.get("reviewNeeded"));
            assertEquals("NOT_STARTED", a.get("status"));
        }
        // done once: the group is gone from the review list, and naming again is refused
        List<Map<String, Object>> after = Gateway.all(Users.office(), "/api/assignments",
                Map.of("planId", SamplePlan.id(), "reviewNeeded", true));
        assertEquals(toReview.size() - 1, after.size());
        assertTrue(after.stream().noneMatch(a -> Gateway.id(a) == Gateway.id(group)));
        Gateway.as(Users.office()).body(Map.of("unitCodes", List.of("ah-jyt")))
                .when().post("/api/assignments/" + Gateway.id(group) + "/resolve").then().statusCode(409);
        // 省发展改革委 sees its new share in its own list
        List<Map<String, Object>> fgw = Gateway.all(Users.fgw(), "/api/assignments", Map.of("planId", SamplePlan.id()));
        assertTrue(fgw.stream().anyMatch(a -> ((Number) a.get("taskNumber")).intValue() == 12), "fgw's list has task 12");
        assertTrue(fgw.stream().allMatch(a -> "ah-fgw".equals(a.get("unitCode"))), "and only its own shares");
    }

    @Test
    @Order(3)
    void eachUnitHasItsTaskListAndTheDashboardAddsUp() {
        List<Map<String, Object>> own = Gateway.all(Users.hefei(), "/api/assignments", Map.of("planId", SamplePlan.id()));
        List<Map<String, Object>> asOffice = Gateway.all(Users.office(), "/api/assignments",
                Map.of("planId", SamplePlan.id(), "unit", HEFEI));
        assertFalse(own.isEmpty());
        assertTrue(own.stream().allMatch(a -> HEFEI.equals(a.get("unitCode"))), "Hefei sees only its own shares");
        assertEquals(ids(asOffice), ids(own), "the office's view of Hefei's list is Hefei's own");
        assertTrue(own.stream().anyMatch(a -> ((Number) a.get("taskNumber")).intValue() == 39));
        // another unit's share is not Hefei's to read
        long wuhu39 = SamplePlan.task(39).get(WUHU);
        Gateway.as(Users.hefei()).when().get("/api/assignments/" + wuhu39).then().statusCode(403);

        JsonPath summary = Gateway.as(Users.office()).when().get("/api/plans/" + SamplePlan.id() + "/summary")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> hefei = unitLine(summary, HEFEI);
        assertEquals("合肥市人民政府", hefei.get("unitName"));
        assertEquals(own.size(), number(hefei, "total"));
        assertEquals(own.stream().filter(a -> a.get("status").equals("COMPLETED")).count(), number(hefei, "completed"));
        assertEquals(own.stream().filter(a -> Boolean.TRUE.equals(a.get("overdue"))).count(), number(hefei, "overdue"));
        // every 2022 deadline has passed: what has a due date and is not completed is overdue
        assertEquals(own.stream().filter(a -> a.get("dueDate") != null && !a.get("status").equals("COMPLETED")).count(),
                number(hefei, "overdue"));
        long byUnit = summary.<Map<String, Object>>getList("units").stream().mapToLong(u -> number(u, "total")).sum();
        long byCategory = summary.<Map<String, Object>>getList("categories").stream().mapToLong(c -> number(c, "total")).sum();
        assertEquals(byUnit, byCategory, "both views count the same assignments");
        assertEquals(6, summary.getList("categories").size());
    }

    @Test
    @Order(4)
    void hefeiReportsProgressAndAsksToClose() {
        task39 = SamplePlan.task(39);
        long hefei39 = task39.get(HEFEI);
        Gateway.as(Users.hefei()).body(Map.of("text", "已完成问题清单梳理，正在逐项整改", "percent", 40))
                .when().post("/api/assignments/" + hefei39 + "/progress")
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS")).body("progressPercent", equalTo(40));
        Gateway.move(Users.hefei(), hefei39, "SUBMITTED", "整改完成，申请办结");
        // closing is the office's decision, not Hefei's
        String etag = Gateway.as(Users.hefei()).when().get("/api/assignments/" + hefei39).then().extract().header("ETag");
        Gateway.as(Users.hefei()).header("If-Match", etag).body(Map.of("to", "COMPLETED", "note", "自行办结"))
                .when().post("/api/assignments/" + hefei39 + "/transitions")
                .then().statusCode(403).contentType("application/problem+json");
        // and Wuhu cannot touch Hefei's share
        Gateway.as(Users.wuhu()).body(Map.of("text", "代报"))
                .when().post("/api/assignments/" + hefei39 + "/progress").then().statusCode(403);
    }

    @Test
    @Order(5)
    void theOfficeReturnsItOnceThenApproves() {
        long hefei39 = task39.get(HEFEI);
        Gateway.move(Users.office(), hefei39, "IN_PROGRESS", "请补充整改台账");
        Gateway.move(Users.hefei(), hefei39, "SUBMITTED", "已补充整改台账");
        // a stale ETag is refused
        Gateway.as(Users.office()).header("If-Match", "\"0\"").body(Map.of("to", "COMPLETED"))
                .when().post("/api/assignments/" + hefei39 + "/transitions").then().statusCode(412);
        JsonPath done = Gateway.move(Users.office(), hefei39, "COMPLETED", "同意办结");
        assertEquals("COMPLETED", done.getString("status"));
        assertFalse(done.getBoolean("overdue"), "completed work is not overdue");

        List<Map<String, Object>> history = Gateway.as(Users.hefei()).when().get("/api/assignments/" + hefei39 + "/history")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(List.of("CREATED", "STATUS_CHANGED", "PROGRESS_REPORTED", "STATUS_CHANGED", "STATUS_CHANGED",
                "STATUS_CHANGED", "STATUS_CHANGED"), history.stream().map(h -> h.get("kind")).toList());
        assertEquals(List.of("IN_PROGRESS", "SUBMITTED", "IN_PROGRESS", "SUBMITTED", "COMPLETED"),
                history.stream().filter(h -> h.get("kind").equals("STATUS_CHANGED")).map(h -> h.get("to")).toList());
        assertEquals(List.of("hefei", "hefei", "hefei", "office", "hefei", "office"),
                history.stream().skip(1).map(h -> h.get("by")).toList(), "who did what, from the tokens");

        JsonPath summary = Gateway.as(Users.office()).when().get("/api/plans/" + SamplePlan.id() + "/summary")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, number(unitLine(summary, HEFEI), "completed"));
    }

    @Test
    @Order(6)
    void remindersReachWuhuOnEveryChannelOnceAndHefeiNotAtAll() {
        long wuhu39 = task39.get(WUHU);
        long hefei39 = task39.get(HEFEI);
        Channels.setEmail(WUHU, WUHU_MAIL);
        Gateway.as(Users.integrator())
                .body(Map.of("url", WUHU_OA.url(), "secret", WUHU_OA_SECRET, "events", List.of("*"), "unitCode", WUHU))
                .when().post("/api/webhooks").then().statusCode(201);
        await("reminder-service's copy has Hefei's share completed").atMost(Duration.ofSeconds(60))
                .until(() -> ReminderDatabase.withStatus(List.of(hefei39), "COMPLETED").size() == 1);

        // the runs of four mornings: a week before, on the day, the day after, two weeks after
        Map<String, String> told = new LinkedHashMap<>();
        told.put("DUE_SOON|2022-06-23", "第39项任务还有7天到期（2022年6月30日）");
        told.put("DUE_TODAY|2022-06-30", "第39项任务今天到期（2022年6月30日）");
        told.put("OVERDUE|2022-07-01", "第39项任务已逾期1天（2022年6月30日到期）");
        told.put("ESCALATION|2022-07-14", "督办升级：芜湖市人民政府第39项任务已逾期14天");
        List<Long> runs = new ArrayList<>();
        for (String occasion : told.keySet()) {
            JsonPath run = Gateway.runReminders(occasion.substring(occasion.indexOf('|') + 1) + "T09:00:00+08:00");
            assertTrue(run.getLong("sent") >= task39.size() - 1, "every unit of task 39 but Hefei: " + run.prettify());
            runs.add(run.getLong("runId"));
        }
        JsonPath again = Gateway.runReminders("2022-07-14T09:00:00+08:00");
        assertEquals(0, again.getLong("sent"), "a second run for the same instant sends nothing");

        // the inbox: each reminder once, with its Chinese title
        List<Map<String, Object>> inbox = Gateway.all(Users.wuhu(), "/api/notifications", Map.of());
        List<Map<String, Object>> about39 = inbox.stream().filter(n -> number(n, "assignmentId") == wuhu39).toList();
        for (Map.Entry<String, String> reminder : told.entrySet()) {
            List<Map<String, Object>> matching = about39.stream()
                    .filter(n -> reminder.getKey().equals(n.get("kind") + "|" + n.get("occasion"))).toList();
            assertEquals(1, matching.size(), reminder.getKey() + " in Wuhu's inbox: " + about39);
            assertEquals(reminder.getValue(), matching.get(0).get("title"));
        }
        assertEquals(about39.size(), about39.stream().map(Channels::key).distinct().count(), "no reminder twice: " + about39);
        assertTrue(inbox.stream().allMatch(n -> WUHU.equals(n.get("unitCode"))));
        // Hefei completed its share before any run: nothing about it
        List<Map<String, Object>> hefeiInbox = Gateway.all(Users.hefei(), "/api/notifications", Map.of());
        assertTrue(hefeiInbox.stream().noneMatch(n -> number(n, "assignmentId") == hefei39), "Hefei is not reminded of finished work");
        // the escalation reached the supervising office too
        List<Map<String, Object>> office = Gateway.all(Users.office(), "/api/notifications", Map.of("unit", OFFICE, "kind", "ESCALATION"));
        List<Map<String, Object>> officeOnWuhu = office.stream().filter(n -> number(n, "assignmentId") == wuhu39).toList();
        assertEquals(1, officeOnWuhu.size(), "the office hears of Wuhu's overdue task 39 once");
        assertEquals("督办升级：芜湖市人民政府第39项任务已逾期14天", officeOnWuhu.get(0).get("title"));
        assertTrue(((String) officeOnWuhu.get(0).get("body")).startsWith("安徽省政务公开办公室："));

        // e-mail: one digest per run, each carrying that run's reminder about task 39
        await("Wuhu's four digests by e-mail").atMost(Duration.ofSeconds(60))
                .until(() -> told.values().stream().allMatch(title -> mailsWith(title) >= 1));
        for (String title : told.values()) {
            assertEquals(1, mailsWith(title), "one e-mail tells Wuhu: " + title);
        }
        Channels.Mail escalation = Channels.mailsTo(WUHU_MAIL).stream().filter(m -> m.text().contains(told.get("ESCALATION|2022-07-14")))
                .findFirst().orElseThrow();
        assertTrue(escalation.subject().startsWith("【督办提醒】芜湖市人民政府有"), escalation.subject());

        // Wuhu's OA system: the same digests, signed; one webhook message per run
        Set<String> expectedMessages = runs.stream().map(r -> "digest-" + r + "-" + WUHU).collect(Collectors.toSet());
        await("Wuhu's OA system receives the four digests").atMost(Duration.ofSeconds(60))
                .until(() -> WUHU_OA.received().stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet())
                        .containsAll(expectedMessages));
        List<WebhookReceiver.Received> hooks = WUHU_OA.received().stream().filter(r -> expectedMessages.contains(r.id())).toList();
        assertTrue(hooks.stream().allMatch(WebhookReceiver.Received::signatureValid), "every delivery is signed with Wuhu's secret");
        for (String title : told.values()) {
            assertEquals(1, hooks.stream().map(WebhookReceiver.Received::id).distinct()
                    .filter(id -> hooks.stream().anyMatch(h -> h.id().equals(id) && h.text().contains(title))).count(),
                    "one webhook message tells Wuhu's OA: " + title);
        }

        // Kafka: the same digests for OA systems that read the topic; each reminder in one event
        List<Channels.Digest> digests = Channels.digests(d -> d.unitCode().equals(WUHU) && runs.contains(d.runId()),
                found -> found.stream().map(Channels.Digest::runId).collect(Collectors.toSet()).containsAll(runs));
        Map<String, Set<String>> eventsByReminder = new LinkedHashMap<>();
        for (Channels.Digest d : digests) {
            for (JsonNode n : d.notifications()) {
                eventsByReminder.computeIfAbsent(Channels.key(n), k -> new HashSet<>()).add(d.eventId());
            }
        }
        for (String reminder : told.keySet()) {
            assertEquals(1, eventsByReminder.get(WUHU + "|" + wuhu39 + "|" + reminder).size(), reminder + " on duban.notifications");
        }
        // (a fault test may have run the rules later in the year before this story; only these runs count here)
        assertEquals(about39.stream().filter(n -> ((String) n.get("occasion")).compareTo("2022-07-14") <= 0)
                        .map(Channels::key).collect(Collectors.toSet()),
                eventsByReminder.keySet().stream().filter(k -> k.startsWith(WUHU + "|" + wuhu39 + "|")).collect(Collectors.toSet()),
                "the topic tells what the inbox shows");
    }

    @Test
    @Order(7)
    void hefeiCannotReadWuhusInbox() {
        Gateway.as(Users.hefei()).queryParam("unit", WUHU).when().get("/api/notifications")
                .then().statusCode(403).contentType("application/problem+json");
        long wuhusNotification = number(Gateway.as(Users.wuhu()).queryParam("size", 1).when().get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getMap("items[0]"), "id");
        Gateway.as(Users.hefei()).when().post("/api/notifications/" + wuhusNotification + "/read").then().statusCode(403);
        Gateway.as(Users.hefei()).when().get("/api/notifications").then().statusCode(200)
                .body("items.unitCode", everyItem(equalTo(HEFEI)));
        // reading is not running: only the office runs the rules
        Gateway.as(Users.viewer()).queryParam("at", "2022-07-15T09:00:00+08:00").when().post("/api/reminders/run").then().statusCode(403);
        Gateway.as(Users.wuhu()).when().post("/api/notifications/" + wuhusNotification + "/read")
                .then().statusCode(200).body("readAt", startsWith("20"));
    }

    @Test
    @Order(8)
    void theIntegratorPullsEveryChangeOnce() {
        Gateway.Sync sync = Gateway.pullSync(null);
        List<Map<String, Object>> changes = sync.changes();
        Gateway.Sync nothingNew = Gateway.pullSync(sync.cursor());
        assertEquals(List.of(), nothingNew.changes(), "pulled again: nothing new");
        assertEquals(sync.cursor(), nothingNew.cursor(), "and the cursor stays put");
        List<Long> positions = changes.stream().map(c -> number(c, "position")).toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "in order, each change once");
        // every assignment of the plan was announced once, the three named units included
        long planId = SamplePlan.id();
        Map<Long, Long> created = changes.stream().filter(c -> c.get("changeType").equals("duban.assignment.created")
                        && number(c, "planId") == planId)
                .collect(Collectors.groupingBy(c -> number(c, "id"), Collectors.counting()));
        assertTrue(created.values().stream().allMatch(n -> n == 1), "no assignment announced twice");
        assertEquals(SamplePlan.importAnswer().getInt("assignments") + 3, created.size());

        long hefei39 = task39.get(HEFEI);
        List<Map<String, Object>> hefeis = changes.stream().filter(c -> number(c, "id") == hefei39).toList();
        assertEquals(List.of("duban.assignment.created", "duban.assignment.status-changed", "duban.assignment.progress-reported",
                "duban.assignment.status-changed", "duban.assignment.status-changed", "duban.assignment.status-changed",
                "duban.assignment.status-changed"), hefeis.stream().map(c -> c.get("changeType")).toList());
        assertEquals(List.of("NOT_STARTED", "IN_PROGRESS", "IN_PROGRESS", "SUBMITTED", "IN_PROGRESS", "SUBMITTED", "COMPLETED"),
                hefeis.stream().map(c -> c.get("status")).toList(), "each item is the assignment after its change");

        // the feed is for OA systems and the office, not for a unit
        Gateway.as(Users.hefei()).when().get("/api/sync/assignments").then().statusCode(403);
    }

    private long mailsWith(String title) {
        return Channels.mailsTo(WUHU_MAIL).stream().filter(m -> m.text().contains(title)).count();
    }

    private static Map<String, Object> unitLine(JsonPath summary, String unitCode) {
        return summary.<Map<String, Object>>getList("units").stream().filter(u -> unitCode.equals(u.get("unitCode")))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + unitCode + " in the summary"));
    }

    private static Set<Long> ids(List<Map<String, Object>> items) {
        return items.stream().map(Gateway::id).collect(Collectors.toSet());
    }

    static long number(Map<String, Object> item, String field) {
        return ((Number) item.get(field)).longValue();
    }
}
