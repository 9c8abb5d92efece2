package org.duban.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The four Duban services as packaged ({@code <module>/target/quarkus-app/quarkus-run.jar}), each its
 * own process on a free port, run by {@link #command} as {@code ./duban up} runs them and wired as the
 * services' defaults wire the local stack — each data service to
 * its own database, all to one Kafka cluster and one token issuer, task-service to unit-service, the
 * gateway to the other three. Ports are chosen before anything starts, so all four start side by
 * side, and a service killed and started again comes back on the same port.
 */
public final class StackProcesses implements AutoCloseable {

    public static final String UNIT_SERVICE = "unit-service";
    public static final String TASK_SERVICE = "task-service";
    public static final String REMINDER_SERVICE = "reminder-service";
    public static final String GATEWAY = "gateway";
    /** In start order: the gateway last. */
    public static final List<String> SERVICES = List.of(UNIT_SERVICE, TASK_SERVICE, REMINDER_SERVICE, GATEWAY);
    private static final Map<String, String> DATABASES = Map.of(
            UNIT_SERVICE, "duban_unit", TASK_SERVICE, "duban_task", REMINDER_SERVICE, "duban_reminder");

    private final Map<String, ChildProcess> processes;
    private final Map<String, String> urls;

    private StackProcesses(Map<String, ChildProcess> processes, Map<String, String> urls) {
        this.processes = processes;
        this.urls = urls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL of a service, e.g. {@code url("gateway")}. */
    public String url(String service) {
        return require(service, urls.get(service));
    }

    /** The process of a service, to kill or restart it. */
    public ChildProcess process(String service) {
        return require(service, processes.get(service));
    }

    /** Every service's process, in start order. */
    public Map<String, ChildProcess> processes() {
        return processes;
    }

    /** The database a data service owns ({@code duban_unit}, {@code duban_task}, {@code duban_reminder}). */
    public static String database(String service) {
        known(service);
        String database = DATABASES.get(service);
        if (database == null) {
            throw new IllegalArgumentException(service + " keeps no data of its own");
        }
        return database;
    }

    @Override
    public void close() {
        List<String> reversed = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(reversed);
        reversed.forEach(name -> processes.get(name).stop());
    }

    private static void known(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("not a Duban service: " + service + " (one of " + SERVICES + ")");
        }
    }

    private static <T> T require(String service, T value) {
        if (value == null) {
            throw new IllegalArgumentException("not a Duban service: " + service + " (one of " + SERVICES + ")");
        }
        return value;
    }

    public static final class Builder {
        private String issuer;
        private String kafka;
        private Function<String, String> jdbcUrl;
        private String dbUser = "postgres";
        private String dbPassword = "postgres";
        private Path logs;
        private List<String> jvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC");
        private Duration startTimeout = Duration.ofSeconds(180);
        private final Map<String, Map<String, String>> properties = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();

        /** {@code quarkus.oidc.auth-server-url} of every service, e.g. {@code http://127.0.0.1:41234/realms/duban}. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder kafka(String bootstrapServers) {
            this.kafka = bootstrapServers;
            return this;
        }

        /** The JDBC URL of a database by name (see {@link StackProcesses#database(String)}), e.g. {@code SharedInfrastructure::database}. */
        public Builder databases(Function<String, String> jdbcUrl, String user, String password) {
            this.jdbcUrl = jdbcUrl;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        /** The folder for the services' logs ({@code <service>.log}). */
        public Builder logs(Path logs) {
            this.logs = logs;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** The JVM options of every service (instead of {@code -Xmx256m -XX:+UseSerialGC}). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** One more system property for a service (wins over the wiring above). */
        public Builder property(String service, String key, String value) {
            known(service);
            properties.computeIfAbsent(service, s -> new TreeMap<>()).put(key, value);
            return this;
        }

        public Builder properties(String service, Map<String, String> values) {
            values.forEach((k, v) -> property(service, k, v));
            return this;
        }

        /** An environment variable for a service; unlike a system property, one the service does not know is ignored. */
        public Builder environment(String service, String key, String value) {
            known(service);
            environment.computeIfAbsent(service, s -> new TreeMap<>()).put(key, value);
            return this;
        }

        /** Launches the four services side by side, without waiting; see {@link StackProcesses#awaitReady()}. */
        public StackProcesses launch() {
            if (issuer == null || kafka == null || jdbcUrl == null) {
                throw new IllegalStateException("the stack needs an issuer, Kafka and databases");
            }
            Path root = Checkout.root();
            Path logDir = logs != null ? logs : root.resolve("target/stack-logs");
            Map<String, Integer> ports = new LinkedHashMap<>();
            Map<String, String> urls = new LinkedHashMap<>();
            for (String service : SERVICES) {
                ports.put(service, ChildProcess.freePort());
                urls.put(service, "http://127.0.0.1:" + ports.get(service));
            }
            Map<String, ChildProcess> processes = new LinkedHashMap<>();
            for (String service : SERVICES) {
                Path jar = jar(root, service);
                Map<String, String> props = new LinkedHashMap<>();
                props.put("quarkus.http.port", Integer.toString(ports.get(service)));
                if (DATABASES.containsKey(service)) {
                    props.put("quarkus.datasource.jdbc.url", jdbcUrl.apply(DATABASES.get(service)));
                    props.put("quarkus.datasource.username", dbUser);
                    props.put("quarkus.datasource.password", dbPassword);
                    props.put("kafka.bootstrap.servers", kafka);
                    props.put("quarkus.oidc.auth-server-url", issuer);
                }
                Map<String, String> env = new LinkedHashMap<>();
                if (service.equals(REMINDER_SERVICE)) {
                    // webhook secrets are stored encrypted; a fixed key for the local stack only (production: a Secret)
                    props.put("duban.secrets.keys.local", "N3W13CkV6/NUVGvvcZYvMb3DDsEAG/qpXX79bvhxBlY=");
                    props.put("duban.secrets.active-key", "local");
                }
                if (service.equals(TASK_SERVICE)) {
                    props.put("quarkus.rest-client.unit-service.url", urls.get(UNIT_SERVICE));
                }
                if (service.equals(GATEWAY)) {
                    for (String backend : List.of(UNIT_SERVICE, TASK_SERVICE, REMINDER_SERVICE)) {
                        props.put("duban.gateway.services." + backend + ".url", urls.get(backend));
                    }
                    // the gateway checks tokens itself for its own endpoints in newer versions; as an environment
                    // variable this is ignored by a gateway without OIDC
                    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
                }
                props.putAll(properties.getOrDefault(service, Map.of()));
                env.putAll(environment.getOrDefault(service, Map.of()));
                List<String> command = command(ChildProcess.java(), jvmOptions, props, jar);
                processes.put(service, ChildProcess.builder(service)
                        .command(command)
                        .environment(env)
                        .workDir(logDir.resolve("work").resolve(service))
                        .log(logDir.resolve(service + ".log"))
                        .startTimeout(startTimeout)
                        .readiness(ChildProcess.Readiness.http(urls.get(service) + "/q/health/ready"))
                        .build()
                        .launch());
            }
            return new StackProcesses(processes, urls);
        }
    }

    /** The packaged service, {@code <service>/target/quarkus-app/quarkus-run.jar}; fails when it was not built. */
    public static Path jar(Path root, String service) {
        known(service);
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw -pl " + service
                    + " -am package -DskipTests)");
        }
        return jar;
    }

    /** How a service is run, by the tests and by {@code ./duban up}: JVM options, then system properties, then the jar. */
    public static List<String> command(String java, List<String> jvmOptions, Map<String, String> properties, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** Waits until every service is ready. */
    public StackProcesses awaitReady() {
        processes.values().forEach(ChildProcess::awaitReady);
        return this;
    }
}
