package org.duban.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.testsupport.SharedInfrastructure;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample plan's task 39 (各市、县政府… 6月底前, due 2022-06-30) through the reminder rules: DUE_SOON a
 * week before, DUE_TODAY, OVERDUE, then after a gap one OVERDUE and the ESCALATION — with Hefei
 * completing its share on the way, and every channel showing what the units were told.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderStoryTest {

    static final String HEFEI = "gov-340100";
    static final String HEFEI_MAIL = "gkb@hefei.example.cn";
    static final String OFFICE = "ah-zwgkb";
    static final String WUHU = "gov-340200";

    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("duban-story-webhook-secret-32byte".getBytes());
    static final org.duban.reminder.webhook.TestReceiver OA = org.duban.reminder.webhook.TestReceiver.answering(SECRET, java.time.Instant::now);

    static long planId;
    static Map<String, Long> task39;

    @Inject
    Rows rows;
    @Inject
    ObjectMapper json;

    static JsonPath run(String at) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("at", at)
                .when().post("/api/reminders/run").then().statusCode(200).extract().jsonPath();
    }

    long count(String sql, Object... params) {
        return rows.count(sql, params);
    }

    long notifications(String kind, String occasion) {
        return count("SELECT count(*) FROM notification n JOIN assignment_copy a ON a.id = n.assignment_id "
                + "WHERE a.plan_id = ?1 AND a.task_number = 39 AND n.kind = ?2 AND n.occasion = CAST(?3 AS date) "
                + "AND n.unit_code = a.unit_code", planId, kind, occasion);
    }

    @Test
    @Order(1)
    void theReplicaFollowsTheImportedPlan() {
        Upstream.setEmail(HEFEI, HEFEI_MAIL);
        // Hefei's OA system takes the digests by webhook
        given().auth().oauth2(TestTokens.integrator()).contentType("application/json")
                .body(Map.of("url", OA.url("/duban"), "secret", SECRET, "events", List.of("*"), "unitCode", HEFEI))
                .when().post("/api/webhooks").then().statusCode(201);
        planId = Upstream.importSamplePlan("皖政务办〔2022〕3号");
        task39 = Upstream.assignments(planId, 39);
        assertTrue(task39.size() >= 121, "省政府办公厅, 16 cities and 104 counties: " + task39.size());
        assertTrue(task39.containsKey(HEFEI));
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT count(*) FROM assignment_copy WHERE plan_id = ?1 AND task_number = 39 AND due_date = DATE '2022-06-30' "
                        + "AND status = 'NOT_STARTED' AND task_requirement LIKE '%整改提升%'", planId) == task39.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "SELECT count(*) FROM unit_contact WHERE code = ?1 AND email = ?2", HEFEI, HEFEI_MAIL) == 1);
    }

    @Test
    @Order(2)
    void aWeekBeforeEveryUnitIsToldItIsDueSoon() throws Exception {
        JsonPath first = run("2022-06-23T09:00:00+08:00");
        assertTrue(first.getLong("sent") >= task39.size(), first.prettify());
        assertEquals(task39.size(), notifications("DUE_SOON", "2022-06-23"));

        JsonPath inbox = given().auth().oauth2(TestTokens.unit(HEFEI)).queryParam("kind", "DUE_SOON").queryParam("size", 500)
                .when().get("/api/notifications").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> hefei39 = inbox.<Map<String, Object>>getList("items").stream()
                .filter(n -> task39.get(HEFEI).equals(((Number) n.get("assignmentId")).longValue())).toList();
        assertEquals(1, hefei39.size(), "one entry per assignment");
        assertEquals("第39项任务还有7天到期（2022年6月30日）", hefei39.get(0).get("title"));
        assertTrue(((String) hefei39.get(0).get("body")).startsWith("合肥市人民政府：\n您单位承担的第39项任务“认真分析研究国办2021年度评估"),
                (String) hefei39.get(0).get("body"));

        JsonPath again = run("2022-06-23T09:00:00+08:00");
        assertEquals(0, again.getLong("sent"), "running it twice sends nothing new");
        assertEquals(first.getLong("evaluated"), again.getLong("skipped"));

        // the e-mail digest: one message for Hefei listing its items
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(HEFEI_MAIL).size() == 1);
        MimeMessage mail = messagesTo(HEFEI_MAIL).get(0);
        assertEquals("【督办提醒】合肥市人民政府有" + inboxCount(HEFEI, "2022-06-23") + "项任务需要关注", mail.getSubject());
        String text = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
        assertTrue(mail.getContent().toString().contains("第39项任务还有7天到期"), text);

        // the Kafka digest for OA systems
        List<ConsumerRecord<String, String>> events = TopicReader.read("duban.notifications",
                r -> HEFEI.equals(r.key()) && r.value().contains("\"assignmentId\":" + task39.get(HEFEI) + ","), 1, Duration.ofSeconds(30));
        JsonNode event = json.readTree(events.get(0).value());
        assertEquals("duban.notification.sent", event.get("type").asText());
        assertEquals(HEFEI, event.at("/data/unitCode").asText());
        // the webhook: one signed delivery to Hefei's OA, the signature checked by the receiver itself
        await().atMost(Duration.ofSeconds(30)).until(() -> !OA.received().isEmpty());
        var delivery = OA.received().get(0);
        assertTrue(delivery.signatureValid(), "Standard Webhooks signature");
        JsonNode hook = json.readTree(delivery.text());
        assertEquals("duban.notification.sent", hook.get("type").asText());
        assertEquals(HEFEI, hook.at("/data/unitCode").asText());
        assertTrue(delivery.text().contains("\"assignmentId\":" + task39.get(HEFEI) + ","));
        Thread.sleep(1500);
        assertEquals(1, messagesTo(HEFEI_MAIL).size(), "the re-run sent no second mail");
        assertEquals(1, OA.received().size(), "nor a second delivery");
    }

    @Test
    @Order(3)
    void onTheDueDateEveryoneButTheUnitThatCompletedHearsOfIt() {
        long hefei = task39.get(HEFEI);
        Upstream.move(hefei, TestTokens.unit(HEFEI), "IN_PROGRESS");
        Upstream.move(hefei, TestTokens.unit(HEFEI), "SUBMITTED");
        Upstream.move(hefei, TestTokens.admin(), "COMPLETED");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM assignment_copy WHERE id = ?1 AND status = 'COMPLETED'", hefei) == 1);

        run("2022-06-30T09:00:00+08:00");
        assertEquals(task39.size() - 1, notifications("DUE_TODAY", "2022-06-30"));
        assertEquals(0, count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind <> 'DUE_SOON'", hefei));
        assertEquals(0, run("2022-06-30T09:00:00+08:00").getLong("sent"));
    }

    @Test
    @Order(4)
    void theDayAfterItIsOverdueExceptWhereAnExtensionWasApproved() {
        long wuhu = task39.get(WUHU);
        long request = Upstream.tasks(TestTokens.unit(WUHU)).body(Map.of("until", "2022-07-31", "reason", "需协调多部门"))
                .when().post("/api/assignments/" + wuhu + "/extension-requests").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Upstream.tasks(TestTokens.admin()).body(Map.of("approved", true, "note", "同意"))
                .when().post("/api/extension-requests/" + request + "/decision").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM assignment_copy WHERE id = ?1 AND due_date = DATE '2022-07-31'", wuhu) == 1);

        run("2022-07-01T09:00:00+08:00");
        assertEquals(task39.size() - 2, notifications("OVERDUE", "2022-07-01"));
        assertEquals(0, count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind = 'OVERDUE'", wuhu));
        assertEquals(0, run("2022-07-01T09:00:00+08:00").getLong("sent"));
        assertEquals(0, count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind <> 'DUE_SOON'", task39.get(HEFEI)));
    }

    @Test
    @Order(5)
    void afterAGapOneOverdueAndTheEscalationToLeadsAndTheOffice() {
        // no run between 07-02 and 07-13: the repeat due on 07-08 goes out once, not once per missed day
        run("2022-07-14T09:00:00+08:00");
        assertEquals(task39.size() - 2, notifications("OVERDUE", "2022-07-08"));
        assertEquals(0, count("SELECT count(*) FROM notification n JOIN assignment_copy a ON a.id = n.assignment_id "
                + "WHERE a.plan_id = ?1 AND a.task_number = 39 AND n.kind = 'OVERDUE' "
                + "AND n.occasion NOT IN (DATE '2022-07-01', DATE '2022-07-08')", planId));
        assertEquals(task39.size() - 2, notifications("ESCALATION", "2022-07-14"));
        // the office hears of every escalated assignment
        assertEquals(task39.size() - 2, count("SELECT count(*) FROM notification n JOIN assignment_copy a ON a.id = n.assignment_id "
                + "WHERE a.plan_id = ?1 AND a.task_number = 39 AND n.kind = 'ESCALATION' AND n.unit_code = ?2 "
                + "AND a.unit_code <> ?2", planId, OFFICE));
        given().auth().oauth2(TestTokens.admin()).queryParam("unit", OFFICE).queryParam("kind", "ESCALATION")
                .when().get("/api/notifications").then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.startsWith("督办升级："));
    }

    @Test
    @Order(6)
    void theExtendedDueDateBringsItsOwnReminders() {
        long wuhu = task39.get(WUHU);
        // a week before the new due date 2022-07-31 (a Sunday): the 24th is a Sunday too, so it goes out on Monday the 25th
        run("2022-07-25T09:00:00+08:00");
        assertEquals(1, count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind = 'DUE_SOON' "
                + "AND occasion = DATE '2022-07-24' AND unit_code = ?2", wuhu, WUHU));
        assertEquals(0, count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind IN ('OVERDUE', 'ESCALATION')", wuhu));
    }

    @Test
    @Order(7)
    void aRedeliveredEventChangesNothing() throws Exception {
        long hefei = task39.get(HEFEI);
        ConsumerRecord<String, String> created = TopicReader.read("duban.assignments",
                r -> Long.toString(hefei).equals(r.key()) && r.value().contains("duban.assignment.created"), 1, Duration.ofSeconds(30)).get(0);
        // the same event id again, even with data claiming a later version, is recognised and dropped
        ObjectNode event = (ObjectNode) json.readTree(created.value());
        ((ObjectNode) event.get("data")).put("version", 999).put("status", "NOT_STARTED");
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            sent = producer.send(new ProducerRecord<>("duban.assignments", created.key(), event.toString())).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM consumer_offset WHERE topic = 'duban.assignments' "
                + "AND partition = ?1 AND next_offset > ?2", sent.partition(), sent.offset()) == 1);
        assertEquals(1, count("SELECT count(*) FROM assignment_copy WHERE id = ?1 AND status = 'COMPLETED'", hefei));
        assertEquals(0, run("2022-07-14T09:00:00+08:00").getLong("sent"));
    }

    @Test
    @Order(8)
    void aUnitSeesOnlyItsOwnInbox() {
        given().auth().oauth2(TestTokens.unit(HEFEI)).queryParam("unit", "gov-340200")
                .when().get("/api/notifications").then().statusCode(403)
                .contentType("application/problem+json");
        JsonPath own = given().auth().oauth2(TestTokens.unit(HEFEI)).queryParam("size", 500)
                .when().get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertFalse(own.getList("items").isEmpty());
        assertTrue(own.getList("items.unitCode", String.class).stream().allMatch(HEFEI::equals));
        long wuhu = count("SELECT min(id) FROM notification WHERE unit_code = 'gov-340200'");
        given().auth().oauth2(TestTokens.unit(HEFEI)).when().post("/api/notifications/" + wuhu + "/read").then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).when().post("/api/notifications/" + wuhu + "/read").then().statusCode(403);
        given().auth().oauth2(TestTokens.unit("gov-340200")).when().post("/api/notifications/" + wuhu + "/read").then().statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.unit("gov-340200")).queryParam("unread", "false")
                .when().get("/api/notifications").then().statusCode(200).body("total", equalTo(1));
        given().when().get("/api/notifications").then().statusCode(401);
        given().auth().oauth2(TestTokens.unit(HEFEI)).queryParam("since", "yesterday")
                .when().get("/api/notifications").then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    private long inboxCount(String unit, String createdOnRunOf) {
        return count("SELECT count(*) FROM notification n JOIN reminder_run r ON r.id = n.run_id WHERE n.unit_code = ?1 "
                + "AND r.at = CAST(?2 AS timestamptz) AND r.id = (SELECT min(id) FROM reminder_run WHERE at = CAST(?2 AS timestamptz))",
                unit, createdOnRunOf + "T09:00:00+08:00");
    }

    private static List<MimeMessage> messagesTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : SmtpServer.mail().getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address)) {
                to.add(m);
            }
        }
        return to;
    }
}
