package org.duban.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./duban}: the local stack — PostgreSQL (embedded), Kafka (KRaft, one node), Keycloak and the
 * four services, each a background process on its fixed port, no Docker. The shell script {@code duban}
 * only finds a JDK 25, builds this module when its sources changed and hands its arguments over.
 */
public final class Launcher {

    private final Stack stack;

    Launcher(Stack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.getenv(), System.out, System.err);
        } catch (LauncherException e) {
            System.out.flush();
            System.err.println("duban: error: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Path root = Checkout.root();
        Path home = Stack.home(root, env);
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (LauncherException e) {
            if (e.getMessage().startsWith("unknown command")) {
                err.println(help(home));
            }
            throw e;
        }
        Launcher launcher = new Launcher(new Stack(root, home, env, out, err));
        switch (line.command()) {
            case "up" -> launcher.up(line);
            case "down" -> launcher.down();
            case "status" -> launcher.status();
            case "logs" -> {
                return launcher.logs(CommandLine.component(line.arguments().get(0)));
            }
            case "import" -> new PlanImport(launcher.stack).run(Path.of(line.arguments().get(0)));
            case "reset-keycloak" -> launcher.resetKeycloak();
            case "bench" -> new Benchmarks(launcher.stack).run(line.arguments().get(0), line.arguments().subList(1, line.arguments().size()));
            default -> out.println(help(home));
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------
    // up

    /** {@code up}: everything; {@code up <name>...}: those (a service brings PostgreSQL, Kafka and Keycloak). */
    void up(CommandLine line) {
        Instant begin = Instant.now();
        List<Component> wanted = line.wanted();
        List<Component> toStart = new ArrayList<>();
        List<Component> running = new ArrayList<>();
        for (Component c : wanted) {
            if (stack.running(c).isPresent()) {
                running.add(c);
            } else {
                stack.forget(c);
                toStart.add(c);
            }
        }
        if (toStart.isEmpty()) {
            stack.info("everything is already running (./duban status for details)");
        } else {
            if (!running.isEmpty()) {
                stack.info("already running: " + names(running) + "; starting: " + names(toStart));
            }
            List<String> conflicts = new ArrayList<>();
            for (Component c : toStart) {
                for (int port : c.ports()) {
                    Ports.owner(port).ifPresent(owner -> conflicts.add("port " + port + " (for " + c + ") is in use by " + owner));
                }
            }
            if (!conflicts.isEmpty()) {
                throw new LauncherException(String.join("; ", conflicts)
                        + " — free the port(s) and retry (a leftover of an earlier ./duban up? try ./duban down)");
            }
            List<String> modules = toStart.stream().filter(Component::isService).map(Component::id).toList();
            new Build(stack).ifStale(modules, List.of());
            if (toStart.contains(Component.KEYCLOAK)) {
                new KeycloakDist(stack, Versions.keycloak()).fetch();
            }
        }
        for (Component c : running) {
            stack.running(c).flatMap(p -> stack.olderBuild(c, p)).ifPresent(note -> stack.info("note: " + note));
        }

        Map<Component, Instant> startedAt = new LinkedHashMap<>();
        // PostgreSQL, Kafka and Keycloak start side by side; the services need all three. The gateway fronts
        // the other three, so it comes last.
        for (List<Component> stage : List.of(Component.INFRASTRUCTURE, Component.DATA_SERVICES, List.of(Component.GATEWAY))) {
            for (Component c : stage) {
                if (toStart.contains(c)) {
                    startedAt.put(c, Instant.now());
                    stack.start(c, Map.of());
                }
            }
            for (Component c : stage) {
                if (wanted.contains(c)) {
                    stack.awaitReady(c, startedAt.get(c));
                }
            }
            stack.restartAfterAotTraining(stage.stream().filter(toStart::contains).toList(), Map.of());
        }
        if (!toStart.isEmpty()) {
            stack.info("started " + names(toStart) + " in " + Duration.between(begin, Instant.now()).toSeconds() + "s");
        }
        if (!wanted.contains(Component.GATEWAY)) {
            status();
            return;
        }
        stack.out.print(summary(stack.gatewayUrl(), stack.keycloakUrl()));
        stack.out.flush();
    }

    static String summary(String gateway, String keycloak) {
        return """

                  Gateway      %1$s            (API under /api, merged OpenAPI at /q/openapi)
                  Swagger UI   %1$s/q/swagger-ui
                  Keycloak     %2$s            (admin console: admin/admin; realm duban)
                  Services     task-service :8081 · unit-service :8082 · reminder-service :8083
                  Kafka        127.0.0.1:9092           PostgreSQL 127.0.0.1:5432 (user postgres; duban_unit, duban_task, duban_reminder)
                  Users        office/office (admin) · viewer/viewer · hefei/hefei, fgw/fgw, wuhu/wuhu (unit)

                  A token for office:
                    curl -s -d grant_type=password -d client_id=duban-web -d username=office -d password=office \\
                      %2$s/realms/duban/protocol/openid-connect/token

                  ./duban status · ./duban logs <name> · ./duban import <file> · ./duban down
                """.formatted(gateway, keycloak);
    }

    // ---------------------------------------------------------------------------------------------
    // down, status, logs, reset

    void down() {
        stack.stop(Stack.SERVICE_STOP, List.of(Component.GATEWAY, Component.REMINDER_SERVICE, Component.TASK_SERVICE, Component.UNIT_SERVICE));
        stack.stop(Duration.ofSeconds(45), List.of(Component.KEYCLOAK));
        stack.stop(Duration.ofSeconds(45), List.of(Component.KAFKA));
        stack.stop(Duration.ofSeconds(45), List.of(Component.POSTGRES));
        stack.stopOrphanPostgres();
        for (Component c : Component.values()) {
            for (int port : c.ports()) {
                Ports.owner(port).ifPresent(owner -> stack.info("note: port " + port + " is still in use by " + owner + " (not started by ./duban)"));
            }
        }
        stack.info("stopped");
    }

    void status() {
        List<String> notes = new ArrayList<>();
        stack.out.printf("%-17s %-8s %-10s %-10s %s%n", "NAME", "PID", "RUNNING", "PORT", "READY");
        for (Component c : Component.values()) {
            Optional<ProcessHandle> process = stack.running(c);
            Optional<Long> recorded = stack.recordedPid(c);
            String run;
            String ready;
            if (process.isPresent()) {
                run = "yes";
                ready = stack.ready(c) ? "yes" : "no";
                stack.olderBuild(c, process.get()).ifPresent(notes::add);
            } else {
                run = recorded.isPresent() ? "no(stale)" : "no";
                ready = "-";
            }
            stack.out.printf("%-17s %-8s %-10s %-10s %s%n", c, recorded.map(String::valueOf).orElse("-"), run,
                    String.join("/", c.ports().stream().map(String::valueOf).toList()), ready);
        }
        notes.forEach(note -> stack.info("note: " + note));
        stack.out.flush();
    }

    int logs(Component c) {
        Path log = stack.log(c);
        if (!Files.isRegularFile(log)) {
            throw new LauncherException("no log yet for " + c + " (" + log + ")");
        }
        try {
            // tail -F follows the log across a restart (which moves the old one to .1)
            return new ProcessBuilder("tail", "-n", "50", "-F", log.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new LauncherException("cannot follow " + log + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    void resetKeycloak() {
        if (stack.running(Component.KEYCLOAK).isPresent()) {
            throw new LauncherException("Keycloak is running; ./duban down first");
        }
        try {
            KafkaProcess.deleteTree(stack.keycloakHome().resolve("data/h2"));
        } catch (IOException e) {
            throw new LauncherException("cannot remove Keycloak's database: " + e.getMessage(), e);
        }
        stack.info("Keycloak's database removed; the next ./duban up imports deploy/keycloak/duban-realm.json afresh");
    }

    static String help(Path home) {
        return """
                Usage: ./duban <command>

                  up [name...]       build what is stale, start PostgreSQL, Kafka, Keycloak and the four services
                                     (each in the background) and wait until all are ready; with names, only those
                                     (e.g. 'up postgres kafka keycloak' to run a service from the IDE against them)
                  down               stop everything 'up' started (services, Keycloak, Kafka, PostgreSQL)
                  status             name, pid, running?, port, ready? of each component (and which run an older build)
                  logs <name>        follow a log: %1$s
                  import <file>      import a plan document (.txt, .docx, .xlsx) as office via the gateway
                  reset-keycloak     forget Keycloak's data, so the next 'up' re-imports the duban realm
                  bench <name>       run a benchmark against the local stack: resolver, units, assignments, list-sql, events,
                                     reminders, gateway, startup, peer (Redmine beside it), or all (issues 8 and 20) — docs/benchmarks.md
                  help               this text

                State (pids, logs, data, downloads, AOT caches) lives in $DUBAN_HOME (now %2$s);
                'rm -rf' of it after 'down' resets everything. Needs a JDK 25 (deploy/tools/jdk.sh finds one).
                The services run with DUBAN_JAVA_OPTS when set (default: %3$s)
                and with the JDK's AOT cache unless DUBAN_AOT=0. More: deploy/tools/local-stack/README.md.
                """.formatted(Component.names(), home, Stack.DEFAULT_JAVA_OPTS);
    }

    private static String names(List<Component> components) {
        return String.join(" ", components.stream().map(Component::id).toList());
    }
}
