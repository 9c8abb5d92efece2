package org.duban.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of a one-node Kafka (KRaft, broker and controller in one process) in {@code dir}:
 * {@code server.properties}, a quiet {@code log4j2.properties} and the data in {@code dir/data}. The
 * broker of {@code ./duban up} (fixed ports, one partition per topic, data kept) and the brokers the
 * tests start and kill (free ports, three partitions) are written by this one class.
 */
public record KafkaConfig(Path dir, int port, int controllerPort, int partitions) {

    /** The line the broker logs when it serves (the one INFO line {@link #log4j2()} lets through). */
    public static final String STARTED = "Kafka Server started";

    public Path serverProperties() {
        return dir.resolve("server.properties");
    }

    public Path log4j2Properties() {
        return dir.resolve("log4j2.properties");
    }

    public Path data() {
        return dir.resolve("data");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The text of {@code server.properties}. */
    public String serverPropertiesText() {
        return String.join("\n", List.of(
                "# written by org.duban.localstack.KafkaConfig at each start",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data().toAbsolutePath(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168")) + "\n";
    }

    /** Warnings and errors only, plus the broker's start and stop lines. */
    public static String log4j2() {
        return String.join("\n", List.of(
                "# written by org.duban.localstack.KafkaConfig: warnings and errors only, plus the start/stop lines",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.raftserver.name = kafka.server.KafkaRaftServer",
                "logger.raftserver.level = INFO")) + "\n";
    }

    /** Writes both files (the data folder is created, never emptied). */
    public KafkaConfig write() throws IOException {
        Files.createDirectories(data());
        Files.writeString(serverProperties(), serverPropertiesText(), StandardCharsets.UTF_8);
        Files.writeString(log4j2Properties(), log4j2(), StandardCharsets.UTF_8);
        return this;
    }

    /** Whether the storage was formatted (the broker refuses to start on unformatted storage). */
    public boolean formatted() {
        return Files.exists(data().resolve("meta.properties"));
    }

    /** The storage formatting command, with a new cluster id. */
    public List<String> formatCommand(String java, Path libs, String clusterId) {
        return List.of(java, "-Dlog4j2.configurationFile=" + log4j2Properties().toAbsolutePath(), "-cp", libs + "/*",
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties().toAbsolutePath().toString());
    }

    /** The broker's command. */
    public List<String> command(String java, Path libs, String heap) {
        return List.of(java, heap, "-Dlog4j2.configurationFile=" + log4j2Properties().toAbsolutePath(), "-cp", libs + "/*",
                "kafka.Kafka", serverProperties().toAbsolutePath().toString());
    }

    /** Formats the storage when it is not yet; the tool's output goes to {@code log}. */
    public void formatIfNeeded(String java, Path libs, Path log) throws IOException {
        if (formatted()) {
            return;
        }
        Process format = new ProcessBuilder(formatCommand(java, libs, org.apache.kafka.common.Uuid.randomUuid().toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the Kafka storage in " + data() + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the broker's jars are: {@code deploy/tools/local-stack/target/lib} of the checkout. */
    public static Path libs(Path root) {
        Path lib = root.resolve("deploy/tools/local-stack/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build deploy/tools/local-stack first "
                    + "(./mvnw -q -B -DskipTests package -pl deploy/tools/local-stack)");
        }
        return lib;
    }
}
