package org.duban.localstack;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code ./duban up} runs, in start order: the infrastructure, the three data services, the gateway. */
enum Component {
    POSTGRES("postgres", List.of(5432), Duration.ofSeconds(90)),
    KAFKA("kafka", List.of(9092, 9093), Duration.ofSeconds(90)),
    // the first start runs Keycloak's build step: ~30-50 s on a quiet machine, near 4 minutes on two busy cores
    KEYCLOAK("keycloak", List.of(8180, 9000), Duration.ofSeconds(300)),
    UNIT_SERVICE(StackProcesses.UNIT_SERVICE, List.of(8082), Duration.ofSeconds(120)),
    TASK_SERVICE(StackProcesses.TASK_SERVICE, List.of(8081), Duration.ofSeconds(120)),
    REMINDER_SERVICE(StackProcesses.REMINDER_SERVICE, List.of(8083), Duration.ofSeconds(120)),
    GATEWAY(StackProcesses.GATEWAY, List.of(8080), Duration.ofSeconds(120));

    static final List<Component> INFRASTRUCTURE = List.of(POSTGRES, KAFKA, KEYCLOAK);
    static final List<Component> DATA_SERVICES = List.of(UNIT_SERVICE, TASK_SERVICE, REMINDER_SERVICE);
    static final List<Component> SERVICES = List.of(UNIT_SERVICE, TASK_SERVICE, REMINDER_SERVICE, GATEWAY);

    private final String id;
    private final List<Integer> ports;
    private final Duration startTimeout;

    Component(String id, List<Integer> ports, Duration startTimeout) {
        this.id = id;
        this.ports = ports;
        this.startTimeout = startTimeout;
    }

    /** The name users type: {@code postgres}, {@code unit-service}… */
    String id() {
        return id;
    }

    List<Integer> ports() {
        return ports;
    }

    int port() {
        return ports.get(0);
    }

    Duration startTimeout() {
        return startTimeout;
    }

    boolean isService() {
        return SERVICES.contains(this);
    }

    static Optional<Component> named(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** "postgres kafka keycloak unit-service …", for messages. */
    static String names() {
        return Arrays.stream(values()).map(Component::id).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return id;
    }
}
