package org.duban.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** The checkout under test, and what its services' configuration says. */
final class Repository {

    static final List<String> SERVICES = List.of("unit-service", "task-service", "reminder-service", "gateway");

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("duban.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return root;
    }

    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                root().resolve(service).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * The environment variable names that set a service's properties, by the MicroProfile Config
     * rule: upper case, every character that is not a letter or digit becomes an underscore.
     */
    static Set<String> environmentNames(String service) {
        Set<String> names = new TreeSet<>();
        for (String key : applicationProperties(service).stringPropertyNames()) {
            names.add(toEnvironmentName(key));
        }
        return names;
    }

    static String toEnvironmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static int httpPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
    }
}
