package org.duban.stack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checkout under test, and what its services' configuration says. */
final class Repository {

    static final List<String> SERVICES = List.of("unit-service", "task-service", "reminder-service", "gateway");

    /** What TopicsConfig (deploy/libs/platform) assumes when a topic leaves out its partitions. */
    static final int DEFAULT_PARTITIONS = 6;

    /**
     * Credentials Quarkus reads but no committed file may hold, each with the prefix of the extension it
     * belongs to: a deploy file may set one wherever the service configures that extension.
     */
    private static final Map<String, String> CREDENTIAL_KEYS = Map.of(
            "quarkus.mailer.username", "quarkus.mailer.",
            "quarkus.mailer.password", "quarkus.mailer.",
            // the service's own Kafka user and password (SCRAM), for every Kafka client it makes
            "kafka.sasl.jaas.config", "kafka.",
            // the key secrets at rest are encrypted with (a map entry duban.secrets.keys.<kid>; v1 is the first kid)
            "duban.secrets.keys.v1", "duban.secrets.");

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

    /** Directories no check looks into: build output, the launcher's state, tool settings. */
    private static final Set<String> NOT_THE_SOURCE = Set.of("target", ".git", ".duban", "node_modules", ".idea", ".mvn");

    /** The checkout's files that {@code wanted}, in path order, without build output and the launcher's state. */
    static List<Path> files(Predicate<Path> wanted) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return NOT_THE_SOURCE.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (wanted.test(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    static String read(String path) {
        try {
            return Files.readString(root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file (docker-compose's anchors included). */
    static List<Object> yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(text)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> composeServices() {
        Map<String, Object> compose = (Map<String, Object>) yaml(read("docker-compose.yml")).get(0);
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    static Properties applicationProperties(String service) {
        return properties(root().resolve(service).resolve("src/main/resources/application.properties"));
    }

    /** Whether the service links deploy/libs/platform, whose defaults it then has too. */
    static boolean linksPlatform(String service) {
        return read(service + "/pom.xml").contains("<artifactId>duban-platform</artifactId>");
    }

    /** The defaults deploy/libs/platform gives every service that links it (its microprofile-config.properties). */
    static Properties platformProperties() {
        return properties(root().resolve("deploy/libs/platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    /** The service's configuration keys: its application.properties and, if it links the platform, the platform's defaults. */
    static Set<String> configurationKeys(String service) {
        Set<String> keys = new TreeSet<>(applicationProperties(service).stringPropertyNames());
        if (linksPlatform(service)) {
            keys.addAll(platformProperties().stringPropertyNames());
        }
        return keys;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
        Set<String> keys = configurationKeys(service);
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            names.add(toEnvironmentName(key));
        }
        CREDENTIAL_KEYS.forEach((credential, extension) -> {
            if (applicationProperties(service).stringPropertyNames().stream().anyMatch(key -> key.startsWith(extension))) {
                names.add(toEnvironmentName(credential));
            }
        });
        return names;
    }

    static String toEnvironmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    static int httpPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
    }

    /** The services that own a database (all but the gateway). */
    static List<String> dataServices() {
        return SERVICES.stream().filter(service -> database(service) != null).toList();
    }

    /** The name of the service's own database, from its JDBC URL; null for a service without one. */
    static String database(String service) {
        String url = applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
        return url == null ? null : url.replaceFirst(".*/", "");
    }

    /** The databases deploy/postgres/init-databases.sql creates for docker-compose. */
    static Set<String> composeDatabases() {
        Set<String> databases = new TreeSet<>();
        Matcher create = Pattern.compile("(?m)^CREATE DATABASE (\\w+);").matcher(read("deploy/postgres/init-databases.sql"));
        while (create.find()) {
            databases.add(create.group(1));
        }
        return databases;
    }

    /** A topic a service publishes to: {@code duban.kafka.topics.<short name>.name/partitions/compacted}. */
    record Topic(String service, String name, int partitions, boolean compacted) {
    }

    static List<Topic> topics(String service) {
        Properties properties = applicationProperties(service);
        List<Topic> topics = new ArrayList<>();
        Pattern key = Pattern.compile("duban\\.kafka\\.topics\\.([^.]+)\\.name");
        for (String property : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher matcher = key.matcher(property);
            if (matcher.matches()) {
                String prefix = "duban.kafka.topics." + matcher.group(1) + ".";
                topics.add(new Topic(service, properties.getProperty(property),
                        Integer.parseInt(properties.getProperty(prefix + "partitions", String.valueOf(DEFAULT_PARTITIONS))),
                        Boolean.parseBoolean(properties.getProperty(prefix + "compacted", "false"))));
            }
        }
        return topics;
    }

    static List<Topic> allTopics() {
        return SERVICES.stream().flatMap(service -> topics(service).stream()).toList();
    }

    /**
     * Whether a service publishes to a topic it declares: a topic it only declares so that it is made right (task-service's
     * compacted copy of duban.units) is one it consumes; the audit trail it both writes (the platform's AuditFilter, in
     * every service) and, in unit-service, stores.
     */
    static boolean publishes(Topic topic, Map<String, String> consumed) {
        return !consumed.containsKey(topic.name()) || topic.name().equals("duban.audit");
    }

    /** The consumer group of each topic a service consumes: {@code mp.messaging.incoming.<channel>.topic / group.id}. */
    static Map<String, String> consumerGroups(String service) {
        Properties properties = applicationProperties(service);
        Map<String, String> groups = new LinkedHashMap<>();
        for (String property : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(property);
            if (channel.matches()) {
                String group = properties.getProperty("mp.messaging.incoming." + channel.group(1) + ".group.id");
                groups.put(properties.getProperty(property), group != null ? group : properties.getProperty("quarkus.application.name"));
            }
        }
        return groups;
    }

    /** The services that talk to Kafka. */
    static List<String> kafkaServices() {
        return SERVICES.stream().filter(service -> applicationProperties(service).containsKey("kafka.bootstrap.servers")).toList();
    }

    /** The topics a service consumes: {@code mp.messaging.incoming.<channel>.topic}. */
    static Set<String> consumedTopics(String service) {
        Properties properties = applicationProperties(service);
        Set<String> topics = new TreeSet<>();
        for (String property : properties.stringPropertyNames()) {
            if (property.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                topics.add(properties.getProperty(property));
            }
        }
        return topics;
    }

    /**
     * The variables that tell a service where another one lives ({@code duban.gateway.services.task-service.url},
     * {@code quarkus.rest-client.unit-service.url}), each with the service it must point at.
     */
    static Map<String, String> serviceUrlVariables(String service) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String key : new TreeSet<>(applicationProperties(service).stringPropertyNames())) {
            for (String target : SERVICES) {
                if (key.endsWith("." + target + ".url")) {
                    variables.put(toEnvironmentName(key), target);
                }
            }
        }
        return variables;
    }
}
