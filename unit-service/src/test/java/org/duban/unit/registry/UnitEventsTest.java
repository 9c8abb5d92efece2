package org.duban.unit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.duban.testsupport.SharedInfrastructure;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Other services keep their replica of the registry from duban.units alone. */
@QuarkusTest
class UnitEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSeededUnitsArePublishedOnFirstStart() throws Exception {
        var records = TopicReader.read("duban.units", r -> "gov-340100".equals(r.key()), 1, Duration.ofSeconds(20));
        assertEquals(1, records.size(), "合肥市人民政府 was published once when it was seeded");
        JsonNode event = json.readTree(records.get(0).value());
        assertEquals("duban.unit.changed", event.get("type").asText());
        assertEquals("/duban/unit-service", event.get("source").asText());
        assertEquals("gov-340100", event.get("subject").asText());
        assertEquals("合肥市人民政府", event.get("data").get("name").asText());
        assertEquals("gov-340000", event.get("data").get("parentCode").asText());
    }

    @Test
    void theUnitsTopicIsCompactedSoItHoldsTheLatestStateOfEveryUnit() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "duban.units");
            var config = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic);
            assertEquals("compact", config.get("cleanup.policy").value());
            int partitions = admin.describeTopics(List.of("duban.units")).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get("duban.units").partitions().size();
            assertEquals(6, partitions);
        }
    }
}
