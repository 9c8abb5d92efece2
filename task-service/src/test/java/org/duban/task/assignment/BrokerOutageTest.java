package org.duban.task.assignment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.localstack.KafkaProcess;
import org.duban.platform.messaging.OutboxEvent;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the broker gone, the service keeps working: changes are stored and their events wait in the
 * outbox; when the broker is back they are published in order. Delivery is at least once: a record
 * whose acknowledgement was lost may appear again, always as an identical copy with the same id,
 * which consumers drop.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.OwnBroker.class)
class BrokerOutageTest {

    /** A broker of this test's own, which it may kill. */
    static final class Broker {
        static final KafkaProcess KAFKA = KafkaProcess.start();
    }

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", Broker.KAFKA.bootstrapServers(),
                    // give up on a dead broker quickly, so that the test does not wait long
                    "mp.messaging.outgoing.duban-outbox.delivery.timeout.ms", "4000",
                    "mp.messaging.outgoing.duban-outbox.request.timeout.ms", "2000",
                    "mp.messaging.outgoing.duban-outbox.max.block.ms", "2000",
                    "duban.outbox.relay.send-timeout", "5s",
                    "duban.outbox.relay.max-backoff", "1s");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void changesDuringABrokerOutageArePublishedOnceAndInOrderWhenItReturns() {
        assertEquals(Broker.KAFKA.bootstrapServers(), bootstrapServers, "the service uses this test's broker");
        long planId = SamplePlan.id();
        await().atMost(Duration.ofSeconds(60)).until(() -> pending() == 0);

        String wuhu = TestTokens.unit("gov-340200");
        long id = given().auth().oauth2(wuhu).queryParam("planId", planId).queryParam("taskNumber", 20)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].id");

        Broker.KAFKA.kill();
        long version = version(id, wuhu);
        given().auth().oauth2(wuhu).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(Map.of("to", "IN_PROGRESS")).when().post("/api/assignments/" + id + "/transitions").then().statusCode(200);
        for (String text : List.of("一月进展", "二月进展")) {
            given().auth().oauth2(wuhu).contentType(ContentType.JSON).body(Map.of("text", text))
                    .when().post("/api/assignments/" + id + "/progress").then().statusCode(200);
        }
        given().auth().oauth2(wuhu).contentType(ContentType.JSON).header("If-Match", "\"" + version(id, wuhu) + "\"")
                .body(Map.of("to", "SUBMITTED")).when().post("/api/assignments/" + id + "/transitions").then().statusCode(200);
        assertTrue(pending() >= 4, "the events wait in the outbox while the broker is away");

        Broker.KAFKA.resume();
        await().atMost(Duration.ofSeconds(90)).until(() -> pending() == 0);

        List<ConsumerRecord<String, String>> records = TopicReader.read(Broker.KAFKA.bootstrapServers(), "duban.assignments",
                r -> r.key().equals(Long.toString(id)) && !r.value().contains("assignment.created"), 4, Duration.ofSeconds(30));
        // first appearance of each event id, in topic order; any repeat must be the identical record
        Map<String, String> firstCopies = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String eventId = record.value().replaceFirst("^.*?\"id\":\"([^\"]+)\".*$", "$1");
            String first = firstCopies.putIfAbsent(eventId, record.value());
            assertTrue(first == null || first.equals(record.value()), "a repeat is an identical copy");
        }
        List<String> events = List.copyOf(firstCopies.values());
        assertEquals(4, events.size(), "every change arrives: " + events);
        assertTrue(events.get(0).contains("\"to\":\"IN_PROGRESS\""), "in order: " + events);
        assertTrue(events.get(1).contains("一月进展"), "in order: " + events);
        assertTrue(events.get(2).contains("二月进展"), "in order: " + events);
        assertTrue(events.get(3).contains("\"to\":\"SUBMITTED\""), "in order: " + events);
    }

    private static long pending() {
        return QuarkusTransaction.requiringNew().call(OutboxEvent::countPending);
    }

    private static long version(long id, String token) {
        return Long.parseLong(given().auth().oauth2(token).when().get("/api/assignments/" + id).then().statusCode(200)
                .extract().header("ETag").replace("\"", ""));
    }
}
