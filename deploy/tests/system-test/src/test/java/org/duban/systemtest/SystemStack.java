package org.duban.systemtest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.duban.localstack.Checkout;
import org.duban.localstack.ChildProcess;
import org.duban.localstack.KafkaProcess;
import org.duban.localstack.KeycloakProcess;
import org.duban.localstack.StackProcesses;
import org.duban.localstack.Versions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole Duban stack, started once per test JVM the way {@code ./duban up} runs it, but on free
 * ports and with fresh data: an embedded PostgreSQL with the three databases, a Kafka broker as its
 * own process (which tests may kill), the real Keycloak with the {@code duban} realm, a local SMTP
 * server, and the four packaged services. Everything stops when the JVM exits.
 */
final class SystemStack {

    static final String REALM = "duban";

    private static SystemStack started;
    private static RuntimeException failedToStart;
    private static EmbeddedPostgres postgres;
    /**
     * What was started, newest first: stopped in that order when the JVM exits, so the services are gone before
     * their database and broker go. (Each process also has its own exit hook, in case this one cannot run.)
     */
    private static final java.util.Deque<AutoCloseable> STARTED = new java.util.concurrent.LinkedBlockingDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable part = STARTED.pollFirst(); part != null; part = STARTED.pollFirst()) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.err.println("stopping " + part + ": " + e);
                }
            }
        }, "system-stack-stop"));
    }

    final KeycloakProcess keycloak;
    final KafkaProcess kafka;
    final GreenMail mail;
    final StackProcesses services;

    private SystemStack(KeycloakProcess keycloak, KafkaProcess kafka, GreenMail mail, StackProcesses services) {
        this.keycloak = keycloak;
        this.kafka = kafka;
        this.mail = mail;
        this.services = services;
    }

    static synchronized SystemStack get() {
        if (failedToStart != null) {
            throw new IllegalStateException("the stack did not start (see the first failure)", failedToStart);
        }
        if (started == null) {
            try {
                started = start();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return started;
    }

    private static SystemStack start() {
        long begin = System.nanoTime();
        Path root = Checkout.root();
        Path logs = Path.of(System.getProperty("duban.system-test.logs", root.resolve("deploy/tests/system-test/target/stack-logs").toString()));
        Path keycloakHome = Path.of(System.getProperty("duban.keycloak.home",
                root.resolve("deploy/tests/system-test/target/keycloak/keycloak-" + Versions.keycloak()).toString()));
        clear(logs);

        // Keycloak is the slow one (its first start runs a build step): it goes first, the rest starts meanwhile
        KeycloakProcess keycloak = KeycloakProcess.launch(keycloakHome, root.resolve("deploy/keycloak/duban-realm.json"),
                logs.resolve("keycloak.log"));
        STARTED.push(keycloak);
        postgres = startPostgres();
        STARTED.push(postgres);
        KafkaProcess kafka = KafkaProcess.start(logs.resolve("kafka"));
        STARTED.push(kafka);
        GreenMail mail = new GreenMail(new ServerSetup(ChildProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        STARTED.push(mail::stop);

        Map<String, String> outboxFailsFast = Map.of(
                // a dead broker is noticed within seconds and retried every two, so outage tests need not wait long
                "mp.messaging.outgoing.duban-outbox.delivery.timeout.ms", "8000",
                "mp.messaging.outgoing.duban-outbox.request.timeout.ms", "4000",
                "mp.messaging.outgoing.duban-outbox.max.block.ms", "4000",
                "duban.outbox.relay.send-timeout", "10s",
                "duban.outbox.relay.max-backoff", "2s");
        StackProcesses.Builder stack = StackProcesses.builder()
                .issuer(keycloak.issuer(REALM))
                .kafka(kafka.bootstrapServers())
                .databases(SystemStack::jdbcUrl, "postgres", "postgres")
                .logs(logs)
                // the client compiler only: services start sooner on two cores, and a test is over before C2 would pay off
                .jvmOptions(java.util.List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
                .startTimeout(Duration.ofSeconds(300));
        for (String service : StackProcesses.SERVICES) {
            if (!service.equals(StackProcesses.GATEWAY)) {
                stack.properties(service, outboxFailsFast);
            }
        }
        Map<String, String> reminders = new LinkedHashMap<>();
        reminders.put("quarkus.mailer.host", "127.0.0.1");
        reminders.put("quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()));
        reminders.put("quarkus.mailer.mock", "false");
        reminders.put("duban.mail.poll-interval", "1s");
        reminders.put("duban.webhooks.poll-interval", "1s");
        // the units' group robots are local receivers (RobotReceiver): plain http on 127.0.0.1
        for (String platform : java.util.List.of("wecom", "dingtalk", "feishu")) {
            reminders.put("duban.channels." + platform + ".hosts", "127.0.0.1");
            reminders.put("duban.channels." + platform + ".allow-http", "true");
            // the outbound policy (issue 21) checks robot URLs again, by its own list of hosts per platform
            reminders.put("duban.outbound.channels." + platform + ".hosts", "127.0.0.1");
        }
        // the receivers (robots, webhooks, the SMTP relay) listen on loopback, which the outbound policy refuses by default
        reminders.put("duban.outbound.allow-cidrs", "127.0.0.0/8");
        reminders.put("duban.channels.poll-interval", "1s");
        // runs happen only when a test asks, at the instant it names
        reminders.put("duban.reminders.schedule", "off");
        // a big run is many short transactions, so that a crash lands in the middle of one
        reminders.put("duban.reminders.chunk-size", "200");
        // after a broker restart the consumers' old group membership lapses within seconds, not 45
        for (String channel : java.util.List.of("assignments", "units")) {
            reminders.put("mp.messaging.incoming." + channel + ".session.timeout.ms", "10000");
            reminders.put("mp.messaging.incoming." + channel + ".heartbeat.interval.ms", "2000");
        }
        stack.properties(StackProcesses.REMINDER_SERVICE, reminders);
        // task-service's copy of duban.units: a killed process's group membership lapses within seconds (TaskServiceCrashTest)
        stack.properties(StackProcesses.TASK_SERVICE, Map.of(
                "mp.messaging.incoming.units.session.timeout.ms", "10000",
                "mp.messaging.incoming.units.heartbeat.interval.ms", "2000"));
        // the users' clients share one address here: the gateway's per-client rate limit must not throttle the story
        stack.environment(StackProcesses.GATEWAY, "DUBAN_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000");
        stack.environment(StackProcesses.GATEWAY, "DUBAN_GATEWAY_RATE_LIMIT_BURST", "10000");
        StackProcesses services = stack.launch();
        STARTED.push(services);

        keycloak.awaitReady();
        services.awaitReady();
        System.out.printf("Duban system test: the stack is ready after %.0f s (gateway %s, Keycloak %s, Kafka %s, logs in %s)%n",
                (System.nanoTime() - begin) / 1e9, services.url(StackProcesses.GATEWAY), keycloak.url(),
                kafka.bootstrapServers(), logs);
        return new SystemStack(keycloak, kafka, mail, services);
    }

    /** An embedded PostgreSQL with the three services' databases (zonky, as the local stack's LocalPostgres). */
    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false) // stopped after the services, see STARTED
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            try (Connection c = server.getPostgresDatabase().getConnection(); java.sql.Statement create = c.createStatement()) {
                for (String service : StackProcesses.SERVICES) {
                    if (!service.equals(StackProcesses.GATEWAY)) {
                        create.execute("CREATE DATABASE " + StackProcesses.database(service));
                    }
                }
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the services' databases", e);
        }
    }

    private static String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    String gateway() {
        return services.url(StackProcesses.GATEWAY);
    }

    ChildProcess service(String name) {
        return services.process(name);
    }

    /**
     * A connection to reminder-service's database: only to see what a crash left behind (a run that did
     * not finish) and to wait for its copy of the assignments, never to check what users see.
     */
    static Connection reminderDatabase() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("duban_reminder"), "postgres", "postgres");
    }

    /**
     * A connection to task-service's database: only to see how far a killed import had got and what it left
     * behind, never to check what users see.
     */
    static Connection taskDatabase() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("duban_task"), "postgres", "postgres");
    }

    /** The last lines of every process's log, for a failed test's report. */
    String tails(int lines) {
        StringBuilder out = new StringBuilder();
        Map<String, Path> all = new LinkedHashMap<>();
        all.put("keycloak", keycloak.process().log());
        all.put("kafka", kafka.log());
        services.processes().forEach((name, process) -> all.put(name, process.log()));
        all.forEach((name, log) -> out.append("\n==== ").append(name).append(" (").append(log).append(") ====\n")
                .append(ChildProcess.tail(log, lines)).append('\n'));
        return out.toString();
    }

    /** Whether the stack was started in this JVM (a failure before it was has no logs to show). */
    static synchronized boolean isStarted() {
        return started != null;
    }

    private static void clear(Path logs) {
        try {
            Files.createDirectories(logs);
            try (Stream<Path> files = Files.list(logs)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
