package org.duban.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A Kafka broker (KRaft, one node) as its own process, from the jars of {@code deploy/tools/local-stack}
 * and configured by {@link KafkaConfig} — the broker {@code ./duban up} runs, on free ports with fresh
 * data. Unlike the in-JVM broker it can be killed and started again on the same address with the same
 * data, which is what outage tests need.
 */
public final class KafkaProcess implements AutoCloseable {

    private final KafkaConfig config;
    private final ChildProcess process;

    private KafkaProcess(KafkaConfig config, ChildProcess process) {
        this.config = config;
        this.process = process;
    }

    /** Formats a fresh broker on free ports and starts it. */
    public static KafkaProcess start() {
        try {
            return start(Files.createTempDirectory("kafka-process-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, with its configuration, data and log in {@code dir} (emptied first). */
    public static KafkaProcess start(Path dir) {
        try {
            deleteTree(dir);
            KafkaConfig config = new KafkaConfig(Files.createDirectories(dir), ChildProcess.freePort(), ChildProcess.freePort(), 3).write();
            Path libs = KafkaConfig.libs(Checkout.root());
            config.formatIfNeeded(ChildProcess.java(), libs, dir.resolve("format.log"));
            Path log = dir.resolve("broker.log");
            ChildProcess process = ChildProcess.builder("kafka")
                    .command(config.command(ChildProcess.java(), libs, "-Xmx384m"))
                    .workDir(dir)
                    .log(log)
                    .startTimeout(Duration.ofSeconds(60))
                    .readiness(ChildProcess.Readiness.listening(config.port()))
                    .build();
            KafkaProcess kafka = new KafkaProcess(config, process);
            kafka.resume();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's console output, kept across restarts. */
    public Path log() {
        return process.log();
    }

    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /** Kills the broker at once (SIGKILL), as a crash or a cut network would. */
    public void kill() {
        process.kill();
    }

    /** Starts the broker again on the same address with the same data, and waits until it listens. */
    public void resume() {
        process.start();
    }

    @Override
    public void close() {
        kill();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
