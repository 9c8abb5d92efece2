package org.duban.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Kafka broker (KRaft, one node) as its own process, from the jars of {@code deploy/tools/local-stack}
 * — the broker {@code ./duban up} runs. Unlike the in-JVM broker it can be killed and started again
 * on the same address with the same data, which is what outage tests need.
 */
public final class KafkaProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaProcess(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
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
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            KafkaProcess kafka = new KafkaProcess(Files.createDirectories(dir), freePort(), freePort());
            kafka.format();
            kafka.resume();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-process-stop"));
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's console output, kept across restarts. */
    public Path log() {
        return dir.resolve("broker.log");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kills the broker at once (SIGKILL), as a crash or a cut network would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the broker again on the same address with the same data, and waits until it listens. */
    public synchronized void resume() {
        if (process != null) {
            return;
        }
        try {
            process = new ProcessBuilder(java(), "-Xmx384m", "-cp", libs(), "kafka.Kafka", dir.resolve("server.properties").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited at start; see " + dir.resolve("broker.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        throw new IllegalStateException("the Kafka broker did not listen within 60 s; see " + dir.resolve("broker.log"));
    }

    @Override
    public void close() {
        kill();
    }

    private void format() throws IOException {
        Files.writeString(dir.resolve("server.properties"), String.join("\n", List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=3")) + "\n");
        Process format = new ProcessBuilder(java(), "-cp", libs(), "kafka.tools.StorageTool", "format",
                "-t", org.apache.kafka.common.Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("format.log").toFile()).start();
        try {
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed; see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String libs() {
        Path lib = ServiceProcess.root().resolve("deploy/tools/local-stack/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build deploy/tools/local-stack first");
        }
        return lib + "/*";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
