package org.duban.platform.messaging;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a service's own Kafka clients connect: the brokers and the security settings (protocol, SASL,
 * TLS) of Quarkus' default Kafka configuration, every {@code kafka.*} property (bean
 * {@code @Identifier("default-kafka-broker")}), which the messaging channels use too. An admin client
 * made by hand takes them from here, so it connects as the channels do: in production with TLS and the
 * service's SCRAM user (deploy/README.md), in development and the tests in plain text.
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /** The connection settings among Quarkus' default Kafka configuration; empty values left out. */
    public static Map<String, Object> settings(Map<String, Object> defaultKafkaBroker) {
        Map<String, Object> settings = new TreeMap<>();
        defaultKafkaBroker.forEach((key, value) -> {
            boolean connection = key.equals("bootstrap.servers") || key.equals("security.protocol")
                    || key.startsWith("sasl.") || key.startsWith("ssl.");
            if (connection && value != null && !value.toString().isBlank()) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
