package org.duban.reminder.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.replica.ReplicaPosition;
import org.duban.testsupport.EventSamples;
import org.duban.testsupport.SharedInfrastructure;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run sees every change published before it was called (issue 15): assignments created on the topic and a run
 * called at once — the run waits for the copy, sends to every one of them, and a second run for the same instant
 * sends nothing. Before, the first run sent to the part the copy had applied so far and the second to the rest.
 */
@QuarkusTest
class RunAfterPublishTest {

    static final long FIRST = 8_600_000_001L;
    static final int COUNT = 300;
    static final long PLAN = 860_001;
    static final String AT = "2017-03-15T09:00:00+08:00"; // a Wednesday, the assignments' due date

    @Inject
    CopiedAssignments copies;
    @Inject
    ReplicaPosition replica;
    @Inject
    ObjectMapper json;

    @AfterEach
    void forget() {
        copies.forget(FIRST, FIRST + COUNT);
    }

    @Test
    void aRunCalledRightAfterTheChangesSendsToAllOfThemAndASecondRunSendsNothing() throws Exception {
        OwnPolicy.give(PLAN);
        publishCreated();

        given().auth().oauth2(TestTokens.admin()).queryParam("at", AT)
                .when().post("/api/reminders/run")
                .then().statusCode(200)
                .body("sent", equalTo(COUNT))
                .body("replicaPositions", hasKey("duban.assignments/0"));
        given().auth().oauth2(TestTokens.admin()).queryParam("at", AT)
                .when().post("/api/reminders/run")
                .then().statusCode(200)
                .body("sent", equalTo(0))
                .body("skipped", equalTo(COUNT));

        ReplicaPosition.CatchUp now = replica.await(Duration.ZERO);
        assertTrue(now.caughtUp(), now.toString());
        assertEquals(0, now.behind());
    }

    /** COUNT assignments of the plan, due on the run's day, as task-service writes them (the committed sample). */
    private void publishCreated() throws IOException {
        ObjectNode sample = (ObjectNode) json.readTree(EventSamples.read("duban.assignment.created"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < COUNT; i++) {
                long id = FIRST + i;
                ObjectNode event = sample.deepCopy();
                event.put("id", UUID.randomUUID().toString()).put("subject", Long.toString(id));
                ((ObjectNode) event.get("data")).put("id", id).put("planId", PLAN).put("taskId", 86_001)
                        .put("unitCode", "test-860-" + i).put("unitName", "测试单位" + i).put("dueDate", "2017-03-15")
                        .put("status", "NOT_STARTED");
                producer.send(new ProducerRecord<>("duban.assignments", Long.toString(id), event.toString()));
            }
            producer.flush();
        }
    }
}
