package org.duban.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.platform.events.CloudEvent;
import org.duban.platform.messaging.Outbox;
import org.duban.platform.messaging.OutboxEvent;
import org.duban.platform.messaging.ProcessedEvents;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every data-owning service must show about its wiring: Flyway ran against its own real
 * PostgreSQL database, Panache reads and writes, the outbox reaches the real Kafka broker exactly
 * once, the consumer ledger drops a redelivery, and readiness covers the database and Kafka.
 * A service's test extends this and names the topic it publishes to.
 */
public abstract class ServiceWiringContract {

    @Inject
    Outbox outbox;

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    ObjectMapper json;

    /** The topic this service publishes its own events to. */
    protected abstract String topic();

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }

    /** Every operation has an operationId of its own, and the document is the committed one (docs/openapi). */
    @Test
    void theOpenApiDocumentNamesEveryOperationAndIsCommitted() {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        JsonNode document = OpenApiDocuments.parse(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        OpenApiDocuments.assertOperationIds(service, document);
        OpenApiDocuments.assertMatchesCommitted(service, document);
    }

    @Test
    void unknownPathAnswersProblemJson() {
        given().when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/api/no-such-thing"));
    }

    @Test
    void anEventWrittenToTheOutboxIsPublishedOnceThenMarked() throws Exception {
        String key = "wiring-" + UUID.randomUUID();
        CloudEvent written = QuarkusTransaction.requiringNew().call(() ->
                outbox.publish(topic(), key, "duban.test.wired", Map.of("name", "合肥市人民政府")));

        List<ConsumerRecord<String, String>> records = TopicReader.read(topic(), r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size(), "exactly one record for the event");
        ConsumerRecord<String, String> record = records.get(0);
        JsonNode event = json.readTree(record.value());
        assertEquals(written.id(), event.get("id").asText());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("duban.test.wired", event.get("type").asText());
        assertEquals(key, event.get("subject").asText());
        assertEquals("合肥市人民政府", event.get("data").get("name").asText());
        assertEquals(CloudEvent.STRUCTURED_CONTENT_TYPE,
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            OutboxEvent row = QuarkusTransaction.requiringNew().call(() ->
                    OutboxEvent.<OutboxEvent>findById(UUID.fromString(written.id())));
            assertNotNull(row, "the outbox row was written and is read back through Panache");
            assertNotNull(row.publishedAt(), "the relay marks what the broker acknowledged");
        });
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String key = "rolled-back-" + UUID.randomUUID();
        QuarkusTransaction.begin();
        outbox.publish(topic(), key, "duban.test.wired", Map.of());
        QuarkusTransaction.rollback();
        assertNull(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.find("key", key).firstResult()));
        assertTrue(TopicReader.read(topic(), r -> key.equals(r.key()), 1, Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void theLedgerRecognisesARedeliveredEvent() {
        String id = UUID.randomUUID().toString();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDelivery("wiring-test", id)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDelivery("wiring-test", id)));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> processedEvents.firstDelivery("another-consumer", id)),
                "each consumer keeps its own ledger");
    }
}
