package org.duban.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under test at the shared embedded PostgreSQL (its own database, named by the
 * {@code database} init argument), the shared in-JVM Kafka broker and the test token issuer.
 */
public class PostgresAndKafkaResource implements QuarkusTestResourceLifecycleManager {

    private String database = "duban_test";
    private boolean kafka = true;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        kafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", SharedInfrastructure.database(database));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.oidc.auth-server-url", TestTokens.issuer());
        if (kafka) {
            config.put("kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers());
        }
        return config;
    }

    @Override
    public void stop() {
        // shared for the whole JVM; stopped by a shutdown hook
    }
}
