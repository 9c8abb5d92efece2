package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.testsupport.TopicReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Where units hear of their reminders besides the inbox: e-mail, Kafka ({@code duban.notifications}), and the unit registry's contacts. */
final class Channels {

    static final ObjectMapper JSON = new ObjectMapper();

    private Channels() {
    }

    /** One e-mail as the unit's mail server received it. */
    record Mail(String subject, String text) {
    }

    /** Every e-mail received for {@code address} so far. */
    static List<Mail> mailsTo(String address) {
        List<Mail> mails = new ArrayList<>();
        try {
            for (MimeMessage m : SystemStack.get().mail.getReceivedMessages()) {
                Address[] to = m.getAllRecipients();
                if (to != null && to.length == 1 && to[0].toString().equals(address)) {
                    mails.add(new Mail(m.getSubject(), (String) m.getContent()));
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mails;
    }

    /** One {@code duban.notification.sent} event: a unit's digest of one run. */
    record Digest(String eventId, String unitCode, long runId, String messageId, List<JsonNode> notifications) {
    }

    /**
     * The digests on {@code duban.notifications} that {@code wanted} selects, read from the beginning until
     * {@code done} holds for them (or 60 s) — every record, so a redelivered copy shows up too.
     */
    static List<Digest> digests(Predicate<Digest> wanted, Predicate<List<Digest>> done) {
        Map<ConsumerRecord<String, String>, Digest> parsed = new java.util.IdentityHashMap<>();
        java.util.function.Function<ConsumerRecord<String, String>, Digest> read = r -> parsed.computeIfAbsent(r, Channels::digest);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(SystemStack.get().kafka.bootstrapServers(),
                "duban.notifications", r -> wanted.test(read.apply(r)), found -> done.test(found.stream().map(read).toList()),
                Duration.ofSeconds(60));
        return records.stream().map(read).toList();
    }

    private static Digest digest(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = JSON.readTree(record.value());
            JsonNode data = event.get("data");
            List<JsonNode> items = new ArrayList<>();
            data.get("notifications").forEach(items::add);
            return new Digest(event.get("id").asText(), data.get("unitCode").asText(), data.path("runId").asLong(-1),
                    data.get("messageId").asText(), items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a unit's contact e-mail in the registry (as the office) and waits until reminder-service's copy has it. */
    static void setEmail(String unitCode, String email) {
        ExtractableResponse<Response> unit = Gateway.as(Users.office()).when().get("/api/units/" + unitCode)
                .then().statusCode(200).extract();
        Map<String, Object> body = new HashMap<>(unit.jsonPath().getMap(""));
        body.remove("version");
        body.remove("active");
        body.put("contacts", Map.of("email", email));
        Gateway.as(Users.office()).header("If-Match", unit.header("ETag")).body(body)
                .when().put("/api/units/" + unitCode).then().statusCode(200);
        await("reminder-service learns " + unitCode + "'s e-mail from duban.units").atMost(Duration.ofSeconds(60))
                .until(() -> ReminderDatabase.hasEmail(unitCode, email));
    }

    /** A notification's key: the reminder it carries and who got it. */
    static String key(Map<String, Object> n) {
        return n.get("unitCode") + "|" + n.get("assignmentId") + "|" + n.get("kind") + "|" + n.get("occasion");
    }

    static String key(JsonNode n) {
        return n.get("unitCode").asText() + "|" + n.get("assignmentId").asText() + "|" + n.get("kind").asText() + "|"
                + n.get("occasion").asText();
    }
}
