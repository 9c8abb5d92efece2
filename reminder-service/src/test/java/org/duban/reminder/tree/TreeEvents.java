package org.duban.reminder.tree;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.testsupport.EventSamples;
import org.duban.testsupport.SharedInfrastructure;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Events of delegated work as task-service writes them (built from the committed samples of duban-events, ids and
 * units changed), sent through the real Kafka to reminder-service's consumer.
 */
final class TreeEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TreeEvents() {
    }

    /** An assignment in the tree: {@code parentId} null and depth 0 for the office's plan. */
    record Node(long id, long planId, long taskId, int taskNumber, String unitCode, String unitName, String role,
                LocalDate dueDate, String status, Long parentId, String delegatedBy, int depth) {
    }

    static ObjectNode sample(String type) {
        try {
            return (ObjectNode) JSON.readTree(EventSamples.read(type));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event of {@code type} for {@code node}, under a new event id. */
    static ObjectNode event(String type, Node node, long version) {
        ObjectNode event = sample(type);
        event.put("id", UUID.randomUUID().toString()).put("subject", Long.toString(node.id()));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("id", node.id()).put("planId", node.planId()).put("taskId", node.taskId()).put("taskNumber", node.taskNumber())
                .put("unitCode", node.unitCode()).put("unitName", node.unitName()).put("role", node.role())
                .put("status", node.status()).put("version", version).put("depth", node.depth());
        data.put("dueDate", node.dueDate().toString());
        data.remove(java.util.List.of("parentId", "delegatedBy", "acknowledgedAt", "acknowledgedBy"));
        if (node.parentId() != null) {
            data.put("parentId", node.parentId()).put("delegatedBy", node.delegatedBy());
        }
        return event;
    }

    /** A unit of the registry with its name and e-mail address ({@code duban.unit.changed}). */
    static ObjectNode unit(String code, String name, String email) {
        ObjectNode event = sample("duban.unit.changed");
        event.put("id", UUID.randomUUID().toString()).put("subject", code);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("code", code).put("name", name).putNull("shortName").put("version", 1);
        data.putArray("aliases");
        data.putObject("externalIds");
        ObjectNode contacts = data.putObject("contacts");
        if (email != null) {
            contacts.put("email", email);
        }
        return event;
    }

    static RecordMetadata send(String topic, ObjectNode event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            return producer.send(new ProducerRecord<>(topic, event.get("subject").asText(), event.toString())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
