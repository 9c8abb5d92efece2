package org.duban.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaConfigTest {

    @TempDir
    Path dir;

    @Test
    void writesAOneNodeKraftBrokerOnTheGivenPorts() throws Exception {
        KafkaConfig config = new KafkaConfig(dir.resolve("kafka"), 9092, 9093, 1).write();

        Properties server = new Properties();
        server.load(new StringReader(Files.readString(config.serverProperties())));
        assertEquals("broker,controller", server.getProperty("process.roles"));
        assertEquals("1@127.0.0.1:9093", server.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093", server.getProperty("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:9092", server.getProperty("advertised.listeners"));
        assertEquals(dir.resolve("kafka/data").toAbsolutePath().toString(), server.getProperty("log.dirs"));
        assertEquals("1", server.getProperty("num.partitions"));
        // one node: every internal topic must be content with one replica, or the broker never serves
        for (String key : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor", "share.coordinator.state.topic.min.isr")) {
            assertEquals("1", server.getProperty(key), key);
        }
        assertTrue(Files.isDirectory(config.data()));
        assertEquals("127.0.0.1:9092", config.bootstrapServers());
    }

    @Test
    void theTestsBrokerHasItsOwnPortsAndThreePartitions() throws Exception {
        KafkaConfig config = new KafkaConfig(dir, 41001, 41002, 3).write();
        String text = Files.readString(config.serverProperties());
        assertTrue(text.contains("listeners=PLAINTEXT://127.0.0.1:41001,CONTROLLER://127.0.0.1:41002\n"), text);
        assertTrue(text.contains("num.partitions=3\n"), text);
    }

    @Test
    void logsWarningsAndTheLineReadinessWaitsFor() throws Exception {
        KafkaConfig config = new KafkaConfig(dir, 9092, 9093, 1).write();
        Properties log4j = new Properties();
        log4j.load(new StringReader(Files.readString(config.log4j2Properties())));
        assertEquals("WARN", log4j.getProperty("rootLogger.level"));
        // "Kafka Server started" is logged at INFO by KafkaRaftServer: it must get through
        assertEquals("kafka.server.KafkaRaftServer", log4j.getProperty("logger.raftserver.name"));
        assertEquals("INFO", log4j.getProperty("logger.raftserver.level"));
    }

    @Test
    void rewritingKeepsTheDataAndTheStorageIsFormattedOnlyOnce() throws Exception {
        KafkaConfig config = new KafkaConfig(dir, 9092, 9093, 1).write();
        assertFalse(config.formatted());
        Files.writeString(config.data().resolve("meta.properties"), "cluster.id=x\n");
        config.write();
        assertTrue(config.formatted(), "the data folder is never emptied by a rewrite");
    }

    @Test
    void commandsNameTheConfigurationAndTheJars() {
        KafkaConfig config = new KafkaConfig(dir, 9092, 9093, 1);
        Path libs = Path.of("/x/lib");
        List<String> broker = config.command("java", libs, "-Xmx512m");
        assertEquals(List.of("java", "-Xmx512m", "-Dlog4j2.configurationFile=" + config.log4j2Properties().toAbsolutePath(),
                "-cp", "/x/lib/*", "kafka.Kafka", config.serverProperties().toAbsolutePath().toString()), broker);
        List<String> format = config.formatCommand("java", libs, "abc");
        assertEquals(List.of("kafka.tools.StorageTool", "format", "-t", "abc", "-c", config.serverProperties().toAbsolutePath().toString()),
                format.subList(4, format.size()));
    }
}
