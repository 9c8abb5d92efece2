package org.duban.platform.messaging;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An admin client made by hand connects like the channels: brokers, protocol, SASL and TLS settings, nothing else. */
class KafkaConnectionTest {

    @Test
    void takesTheBrokersAndTheSecuritySettings() {
        Map<String, Object> kafka = new HashMap<>();
        kafka.put("bootstrap.servers", "duban-kafka-bootstrap:9093");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"unit-service\" password=\"x\";");
        kafka.put("ssl.truststore.type", "PEM");
        kafka.put("ssl.truststore.location", "/etc/duban/kafka/ca.crt");
        kafka.put("health.enabled", "true");
        kafka.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");

        Map<String, Object> settings = KafkaConnection.settings(kafka);

        assertEquals(Map.of(
                "bootstrap.servers", "duban-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", kafka.get("sasl.jaas.config"),
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/duban/kafka/ca.crt"), settings);
    }

    @Test
    void leavesOutWhatIsSetEmpty() {
        assertEquals(Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "PLAINTEXT"),
                KafkaConnection.settings(Map.of("bootstrap.servers", "localhost:9092", "security.protocol", "PLAINTEXT",
                        "sasl.jaas.config", "", "ssl.truststore.location", " ")));
    }
}
