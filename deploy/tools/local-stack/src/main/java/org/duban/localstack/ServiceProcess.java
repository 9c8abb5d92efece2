package org.duban.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Another Duban service, as packaged ({@code <module>/target/quarkus-app/quarkus-run.jar}), run as
 * its own process ({@link StackProcesses#command}) with the wiring the caller gives — a service's tests
 * point it at their PostgreSQL, Kafka and token issuer, so they talk to the real neighbour, not a
 * stand-in. Started once per JVM on a free port, stopped when the JVM exits.
 */
public final class ServiceProcess {

    private static final Map<String, ServiceProcess> RUNNING = new ConcurrentHashMap<>();

    private final ChildProcess process;
    private final String url;

    private ServiceProcess(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * The base URL of {@code module} (e.g. "unit-service"), started on first use with these system
     * properties (its database, Kafka, issuer, neighbours); a later call answers the running one.
     */
    public static synchronized String url(String module, Map<String, String> properties) {
        ServiceProcess running = RUNNING.get(module);
        if (running == null) {
            running = start(module, properties);
            RUNNING.put(module, running);
        }
        return running.url;
    }

    /** The process, e.g. to read its log. */
    public static synchronized ChildProcess process(String module) {
        ServiceProcess running = RUNNING.get(module);
        if (running == null) {
            throw new IllegalStateException(module + " was not started");
        }
        return running.process;
    }

    private static ServiceProcess start(String module, Map<String, String> properties) {
        Path jar = StackProcesses.jar(Checkout.root(), module);
        int port = ChildProcess.freePort();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.log.console.level", "WARN");
        props.putAll(properties);
        String url = "http://127.0.0.1:" + port;
        try {
            ChildProcess process = ChildProcess.builder(module)
                    .command(StackProcesses.command(ChildProcess.java(), List.of("-Xmx256m"), props, jar))
                    .log(Files.createTempFile(module + "-", ".log"))
                    .startTimeout(Duration.ofSeconds(60))
                    .readiness(ChildProcess.Readiness.http(url + "/q/health/ready"))
                    .build()
                    .start();
            return new ServiceProcess(process, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
