package org.duban.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One embedded PostgreSQL server and one in-JVM Kafka KRaft broker per test JVM, started on first
 * use and stopped when the JVM exits. Every Quarkus restart within the JVM (test profiles) reuses
 * them, which keeps a module's test run to one start of each.
 */
public final class SharedInfrastructure {

    private static final Logger LOG = Logger.getLogger(SharedInfrastructure.class);

    private static EmbeddedPostgres postgres;
    private static KafkaClusterTestKit kafka;

    private SharedInfrastructure() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            long started = System.nanoTime();
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started0 = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started0), "test-postgres-stop"));
            LOG.infof("Embedded PostgreSQL on port %d (%d ms)", postgres.getPort(), (System.nanoTime() - started) / 1_000_000);
        }
        return postgres;
    }

    /** Creates {@code database} once and answers its JDBC URL. */
    public static synchronized String database(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        EmbeddedPostgres server = postgres();
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
        return server.getJdbcUrl("postgres", database);
    }

    /**
     * The system properties that point a neighbour service started by a test
     * ({@link org.duban.localstack.ServiceProcess}) at this JVM's PostgreSQL (its own {@code database}),
     * Kafka broker and token issuer.
     */
    public static java.util.Map<String, String> wiring(String database) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("quarkus.datasource.jdbc.url", database(database));
        properties.put("quarkus.datasource.username", "postgres");
        properties.put("quarkus.datasource.password", "postgres");
        properties.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        properties.put("quarkus.oidc.auth-server-url", TestTokens.issuer());
        return properties;
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            long started = System.nanoTime();
            // An in-JVM broker must never end the test JVM: Kafka calls Exit.exit/halt on fatal errors,
            // which can happen while it is closed at shutdown. Kafka's own test suites do the same.
            org.apache.kafka.common.utils.Exit.setExitProcedure((code, message) ->
                    LOG.warnf("in-JVM Kafka asked to exit with %d (%s); ignored in tests", code, message));
            org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) ->
                    LOG.warnf("in-JVM Kafka asked to halt with %d (%s); ignored in tests", code, message));
            try {
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("num.partitions", "3")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                kafka = cluster;
            } catch (Exception e) {
                throw new IllegalStateException("in-JVM Kafka broker did not start", e);
            }
            KafkaClusterTestKit started0 = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started0), "test-kafka-stop"));
            LOG.infof("In-JVM Kafka broker at %s (%d ms)", kafka.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        }
        return kafka.bootstrapServers();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing test infrastructure", e);
        }
    }
}
