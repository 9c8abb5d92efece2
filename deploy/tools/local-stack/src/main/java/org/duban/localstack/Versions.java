package org.duban.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Kafka and Keycloak releases of the stack, from the parent pom's {@code kafka.version} and
 * {@code keycloak.version}: the build writes them into {@code duban-versions.properties}.
 */
public final class Versions {

    static final String RESOURCE = "/duban-versions.properties";

    private static final Properties VERSIONS = load();

    private Versions() {
    }

    public static String kafka() {
        return get("kafka");
    }

    public static String keycloak() {
        return get("keycloak");
    }

    private static String get(String name) {
        String value = VERSIONS.getProperty(name);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(RESOURCE + " has no " + name + " version: rebuild deploy/tools/local-stack");
        }
        return value;
    }

    private static Properties load() {
        try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
            Properties properties = new Properties();
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: rebuild deploy/tools/local-stack");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
