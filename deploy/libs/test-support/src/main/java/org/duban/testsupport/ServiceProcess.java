package org.duban.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another Duban service, as packaged ({@code <module>/target/quarkus-app/quarkus-run.jar}), run as
 * its own process against the test JVM's PostgreSQL, Kafka and token issuer — so a service's tests
 * talk to the real neighbour, not a stand-in. Started once per test JVM, stopped when it exits.
 */
public final class ServiceProcess {

    private static final Map<String, ServiceProcess> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();

    private final Process process;
    private final String url;
    private final Path log;

    private ServiceProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** The base URL of {@code module} (e.g. "unit-service"), started with its own database on first use. */
    public static synchronized String url(String module, String database) {
        return url(module, database, Map.of());
    }

    /** The same, with more system properties for the process (e.g. where the services it calls are). */
    public static synchronized String url(String module, String database, Map<String, String> properties) {
        return RUNNING.computeIfAbsent(module, m -> start(m, database, properties)).url;
    }

    private static ServiceProcess start(String module, String database, Map<String, String> properties) {
        Path jar = root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -pl " + module + " -am package -DskipTests)");
        }
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + SharedInfrastructure.database(database),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dkafka.bootstrap.servers=" + SharedInfrastructure.kafkaBootstrapServers(),
                "-Dquarkus.oidc.auth-server-url=" + TestTokens.issuer(),
                "-Dquarkus.log.console.level=WARN"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path log = Files.createTempFile(module + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServiceProcess started = new ServiceProcess(process, "http://127.0.0.1:" + port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, module + "-stop"));
            started.awaitReady(module, Duration.ofSeconds(60));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String module, Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited at start; its log: " + tail());
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        process.destroy();
        throw new IllegalStateException(module + " was not ready within " + timeout + "; its log: " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout: the first folder upwards that has the parent pom and the services. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("unit-service")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the checkout above " + new File("").getAbsolutePath());
        }
        return dir;
    }
}
