package org.duban.reminder.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.Rows;
import org.duban.reminder.SmtpServer;
import org.duban.reminder.tree.TreeEvents.Node;
import org.duban.reminder.webhook.TestReceiver;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 催办 through the real topic: the city urges the county about the share it delegated to it; the county hears it at
 * once, without a reminder run, in its inbox, by e-mail, on its webhook and as a {@code duban.notification.sent} event —
 * each once, however often Kafka delivers the event; a second urge (the office's, the same day) is told again.
 */
@QuarkusTest
class UrgeNoticeTest {

    static final long FIRST = 8_800_000_101L;
    static final long LAST = 8_800_000_199L;
    static final String COUNTY = "test-881-county";
    static final String COUNTY_MAIL = "dbc@feixi.example.cn";
    static final String CITY = "test-881-city";
    static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString("duban-urge-webhook-secret-32bytes".getBytes());
    static final TestReceiver OA = TestReceiver.answering(SECRET, Instant::now);
    static final Node SHARE = new Node(FIRST, 881_001, 88_122, 22, COUNTY, "肥西测试县人民政府", "RESPONSIBLE",
            LocalDate.of(2022, 6, 25), "IN_PROGRESS", FIRST + 50, CITY, 1);

    @Inject
    Rows rows;
    @Inject
    CopiedAssignments copies;
    @Inject
    ObjectMapper json;

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
    }

    @AfterAll
    static void stop() {
        OA.close();
    }

    @Test
    void anUrgeReachesEveryChannelOfTheUnitAtOnceAndOnce() throws Exception {
        TreeEvents.send("duban.units", TreeEvents.unit(COUNTY, "肥西测试县人民政府", COUNTY_MAIL));
        TreeEvents.send("duban.units", TreeEvents.unit(CITY, "合肥测试市人民政府", null));
        given().auth().oauth2(TestTokens.integrator()).contentType("application/json")
                .body(Map.of("url", OA.url("/urges"), "secret", SECRET, "events", List.of("URGE"), "unitCode", COUNTY))
                .when().post("/api/webhooks").then().statusCode(201);
        TreeEvents.send("duban.assignments", TreeEvents.event("duban.assignment.created", SHARE, 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                "SELECT count(*) FROM unit_contact WHERE code = ?1 AND email = ?2", COUNTY, COUNTY_MAIL) == 1
                && rows.count("SELECT count(*) FROM unit_contact WHERE code = ?1", CITY) == 1
                && rows.count("SELECT count(*) FROM assignment_copy WHERE id = ?1", FIRST) == 1);

        ObjectNode urge = urge("DELEGATOR", CITY, "staff-" + CITY, "请于6月24日前报送工作进展，逾期将通报。");
        RecordMetadata first = TreeEvents.send("duban.assignments", urge);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count(
                "SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind = 'URGE' AND dispatched_at IS NOT NULL", FIRST) == 1);
        String title = "【催办】合肥测试市人民政府就第22项任务催办：请于6月24日前报送工作进展，逾期将通报。";
        given().auth().oauth2(TestTokens.unit(COUNTY)).queryParam("kind", "URGE").when().get("/api/notifications")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", equalTo(title))
                .body("items[0].body", equalTo("肥西测试县人民政府：\n合肥测试市人民政府（分解下达单位）就您单位承担的第22项任务“"
                        + "依据标准目录，持续提升基层政府重点领域主动公开水平。”催办：\n"
                        + "请于6月24日前报送工作进展，逾期将通报。\n该任务完成时限为2022年6月25日。请抓紧办理，并及时在督办系统中报送进展情况。\n"
                        + "（催办人：staff-test-881-city）"))
                .body("items[0].assignmentId", equalTo(FIRST))
                .body("items[0].dueDate", equalTo("2022-06-25"));

        // e-mail: the urge is the subject
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(1, messagesTo(COUNTY_MAIL).size(), this::mailQueue));
        assertEquals(title, messagesTo(COUNTY_MAIL).get(0).getSubject());
        // webhook: one signed delivery carrying the URGE notification
        await().atMost(Duration.ofSeconds(30)).until(() -> OA.received().size() == 1);
        assertTrue(OA.received().get(0).signatureValid());
        JsonNode hook = json.readTree(OA.received().get(0).text());
        assertEquals("URGE", hook.at("/data/notifications/0/kind").asText());
        assertEquals(title, hook.at("/data/notifications/0/title").asText());
        // Kafka, for OA systems
        var events = TopicReader.read("duban.notifications", r -> COUNTY.equals(r.key()) && r.value().contains("\"URGE\""),
                1, Duration.ofSeconds(30));
        assertEquals(COUNTY, json.readTree(events.get(0).value()).at("/data/unitCode").asText());

        // the same event delivered again: nothing new on any channel
        RecordMetadata again = TreeEvents.send("duban.assignments", urge);
        consumed(again);
        assertTrue(again.offset() > first.offset());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                rows.count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind = 'URGE'", FIRST) == 1
                        && messagesTo(COUNTY_MAIL).size() == 1 && OA.received().size() == 1);

        // the office urges the same day: a second notice, the office named as sender
        TreeEvents.send("duban.assignments", urge("OFFICE", null, "office", "请务必按期办结"));
        await().atMost(Duration.ofSeconds(30)).until(() -> OA.received().size() == 2 && messagesTo(COUNTY_MAIL).size() == 2);
        assertEquals(2, rows.count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind = 'URGE' "
                + "AND occasion = DATE '2022-06-22'", FIRST));
        assertEquals(1, rows.count("SELECT count(*) FROM notification WHERE assignment_id = ?1 AND kind = 'URGE' "
                + "AND title LIKE '【催办】%就第22项任务催办：请务必按期办结' AND body NOT LIKE '%分解下达单位%'", FIRST));
    }

    @Test
    void anUrgeOfAnAssignmentWithoutAUnitTellsNobody() {
        Node group = new Node(FIRST + 1, 881_001, 88_123, 23, null, "各市政府", "RESPONSIBLE", LocalDate.of(2022, 6, 25),
                "NOT_STARTED", null, null, 0);
        ObjectNode urge = TreeEvents.event("duban.assignment.urged", group, 0);
        ((ObjectNode) urge.get("data")).remove("unitCode");
        consumed(TreeEvents.send("duban.assignments", urge));
        assertEquals(0, rows.count("SELECT count(*) FROM notification WHERE assignment_id = ?1", FIRST + 1));
    }

    /** The urged sample for {@link #SHARE}, from {@code senderUnit} (null: the office) in role {@code role}, at 2022-06-22 10:00 +08. */
    private static ObjectNode urge(String role, String senderUnit, String by, String message) {
        ObjectNode event = TreeEvents.event("duban.assignment.urged", SHARE, 0);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("message", message).put("by", by).put("senderRole", role).put("urgedAt", "2022-06-22T02:00:00Z");
        if (senderUnit == null) {
            data.remove("senderUnitCode");
        } else {
            data.put("senderUnitCode", senderUnit);
        }
        event.put("id", UUID.randomUUID().toString());
        return event;
    }

    private void consumed(RecordMetadata sent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> rows.count("SELECT count(*) FROM consumer_offset WHERE topic = ?1 "
                + "AND partition = ?2 AND next_offset > ?3", sent.topic(), sent.partition(), sent.offset()) == 1);
    }

    /** What the mail queue holds for the county and what the mail server received for it, for a failure message. */
    private String mailQueue() {
        StringBuilder text = new StringBuilder("queued for ").append(COUNTY_MAIL).append(" (status, attempts, last error, subject):\n")
                .append(rows.list("SELECT status, attempts, last_error, subject FROM mail_delivery WHERE recipient = ?1 ORDER BY id",
                        COUNTY_MAIL)).append("received: ");
        try {
            for (MimeMessage m : mailsTo(COUNTY_MAIL)) {
                text.append(m.getSubject()).append("; ");
            }
        } catch (Exception e) {
            text.append(e);
        }
        return text.toString();
    }

    /** The urges the mail server received for {@code address} (a reminder digest to the same unit is not one). */
    private static List<MimeMessage> messagesTo(String address) throws Exception {
        List<MimeMessage> urges = new ArrayList<>();
        for (MimeMessage m : mailsTo(address)) {
            if (m.getSubject().startsWith("【催办】")) {
                urges.add(m);
            }
        }
        return urges;
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : SmtpServer.mail().getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address)) {
                to.add(m);
            }
        }
        return to;
    }
}
