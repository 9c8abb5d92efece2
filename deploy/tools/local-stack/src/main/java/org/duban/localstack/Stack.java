package org.duban.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local stack of one checkout: where its state lives ({@code $DUBAN_HOME}: pid files, logs, data,
 * downloads, AOT caches) and how each {@link Component} is started, recognised, checked and stopped.
 * Components run detached: they outlive the launcher, and a later {@code ./duban down} finds them by
 * their pid file — only while the process with that pid still runs the command we started (a pid can be
 * reused by another program).
 */
final class Stack {

    /**
     * The services' JVM options unless {@code DUBAN_JAVA_OPTS} replaces them (docs/benchmarks.md). The AOT cache's
     * method profiles come from a training run that only starts the service; replayed, they had the compilers
     * settle on code that served the list 15-20 % slower than without them (issue 20, third pass), so the cache
     * gives its loaded and linked classes only ({@code -XX:-AOTReplayTraining}, a diagnostic option).
     */
    static final String DEFAULT_JAVA_OPTS = "-Xmx256m -Xms32m -XX:+UseSerialGC -XX:+UseCompactObjectHeaders "
            + "-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining";
    /** How long a live process whose command line reads empty is read again before it is taken for another one. */
    static final Duration EXEC_GRACE = Duration.ofSeconds(3);
    /** How long a service may take to stop before it is killed. */
    static final Duration SERVICE_STOP = Duration.ofSeconds(30);
    /**
     * The same for a service that recorded for its AOT cache: it writes the cache on the way out (the
     * training data, then a second JVM assembles the cache: ~20 s for a service on a quiet machine, over a
     * minute on two busy cores), and a cache cut short is useless.
     */
    static final Duration AOT_WRITE = Duration.ofSeconds(240);
    static final List<String> DATABASES = List.of("duban_unit", "duban_task", "duban_reminder");

    final Path root;
    final Path home;
    final Path pids;
    final Path logs;
    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;
    /** The AOT cache the next service start uses (the startup benchmark swaps it to compare). */
    AotCache aot;
    final Staleness staleness;

    Stack(Path root, Path home, Map<String, String> env, PrintStream out, PrintStream err) {
        this.root = root;
        this.home = home;
        this.pids = home.resolve("pids");
        this.logs = home.resolve("logs");
        this.env = env;
        this.out = out;
        this.err = err;
        this.aot = new AotCache(home.resolve("aot"), !"0".equals(env.getOrDefault("DUBAN_AOT", "1")));
        this.staleness = new Staleness(root);
    }

    /** {@code $DUBAN_HOME}, by default {@code .duban} in the checkout. */
    static Path home(Path root, Map<String, String> env) {
        String given = env.get("DUBAN_HOME");
        Path home = given == null || given.isBlank() ? root.resolve(".duban") : Path.of(given);
        try {
            Files.createDirectories(home);
            return home.toRealPath();
        } catch (IOException e) {
            throw new LauncherException("cannot use " + home + " as DUBAN_HOME: " + e.getMessage(), e);
        }
    }

    /** Whether {@link #info} prints: the startup benchmark's table is not interleaved with stop and start lines. */
    boolean verbose = true;

    void info(String message) {
        if (verbose) {
            out.println("duban: " + message);
            out.flush();
        }
    }

    String keycloakUrl() {
        return env.getOrDefault("DUBAN_KEYCLOAK_URL", "http://localhost:8180");
    }

    String gatewayUrl() {
        return env.getOrDefault("DUBAN_GATEWAY_URL", "http://localhost:8080");
    }

    Path keycloakHome() {
        return home.resolve("keycloak");
    }

    Path log(Component c) {
        return logs.resolve(c.id() + ".log");
    }

    Path pidFile(Component c) {
        return pids.resolve(c.id() + ".pid");
    }

    Path jar(Component service) {
        return root.resolve(service.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    Path localStack() {
        return root.resolve("deploy/tools/local-stack/target");
    }

    /** A string that the command line of the process we started contains (guards against pid reuse). */
    String marker(Component c) {
        return switch (c) {
            case POSTGRES -> LocalPostgres.class.getName() + " " + home.resolve("postgres");
            case KAFKA -> home.resolve("kafka/server.properties").toString();
            case KEYCLOAK -> keycloakHome() + "/";
            default -> jar(c).toString();
        };
    }

    // ---------------------------------------------------------------------------------------------
    // pids

    Optional<Long> recordedPid(Component c) {
        Path file = pidFile(c);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").replaceAll("[^0-9]", "");
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The process when the component runs as the process we started. */
    Optional<ProcessHandle> running(Component c) {
        return recordedPid(c).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(h -> commandLine(h).contains(marker(c)));
    }

    /**
     * The command line of a live process. It can read empty for an instant while the detaching sh execs the JVM
     * (seen in issue 20: the gateway, checked right after its start, was taken for another process and so for
     * gone), so an empty one is read again for up to {@link #EXEC_GRACE} before it is believed.
     */
    static String commandLine(ProcessHandle h) {
        Instant until = Instant.now().plus(EXEC_GRACE);
        String line = readCommandLine(h);
        while (line.isBlank() && h.isAlive() && Instant.now().isBefore(until)) {
            sleep(Duration.ofMillis(50));
            line = readCommandLine(h);
        }
        return line;
    }

    private static String readCommandLine(ProcessHandle h) {
        ProcessHandle.Info info = h.info();
        return info.commandLine().orElseGet(() -> info.command().orElse("")
                + info.arguments().map(a -> " " + String.join(" ", a)).orElse(""));
    }

    /** Whether the component runs as a JVM that records its AOT cache (the first start of a build). */
    boolean recordingAot(Component c) {
        return running(c).map(h -> commandLine(h).contains("-XX:AOTCacheOutput=")).orElse(false);
    }

    /**
     * Turns the recording starts among {@code components} into training runs: a JVM that records its AOT cache
     * profiles as it goes and runs its whole life markedly slower (issue 20 measured 40 % more CPU per change),
     * so once it is ready it is stopped, which writes the cache, and started again with it. The first
     * {@code up} after a build takes that much longer; every later start of the build maps the cache.
     */
    void restartAfterAotTraining(List<Component> components, Map<String, String> extraEnv) {
        List<Component> recording = components.stream().filter(Component::isService).filter(this::recordingAot).toList();
        if (recording.isEmpty()) {
            return;
        }
        info("training run done for " + String.join(", ", recording.stream().map(Component::id).toList())
                + ": writing the AOT cache and starting again with it (once per build)");
        restart(recording, extraEnv);
    }

    /** Stops the services among {@code components}, starts them again with {@code extraEnv} and waits until they are ready. */
    void restart(List<Component> components, Map<String, String> extraEnv) {
        stop(SERVICE_STOP, components);
        Map<Component, Instant> started = new LinkedHashMap<>();
        for (Component c : components) {
            started.put(c, Instant.now());
            start(c, extraEnv);
        }
        started.forEach(this::awaitReady);
    }

    void forget(Component c) {
        try {
            Files.deleteIfExists(pidFile(c));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // starting

    /** Whether the component serves: PostgreSQL said READY and listens, Kafka said it started, the others' health is UP. */
    boolean ready(Component c) {
        try {
            return readiness(c).ready();
        } catch (Exception e) {
            return false;
        }
    }

    ChildProcess.Readiness readiness(Component c) {
        return switch (c) {
            case POSTGRES -> ChildProcess.Readiness.logLine(log(c), "READY").and(ChildProcess.Readiness.listening(c.port()));
            case KAFKA -> logContains(log(c), KafkaConfig.STARTED).and(ChildProcess.Readiness.listening(c.port()));
            case KEYCLOAK -> ChildProcess.Readiness.http("http://127.0.0.1:9000/health/ready");
            default -> ChildProcess.Readiness.http("http://127.0.0.1:" + c.port() + "/q/health/ready");
        };
    }

    private static ChildProcess.Readiness logContains(Path log, String text) {
        return () -> {
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.anyMatch(line -> line.contains(text));
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        };
    }

    /** The services' JVM options: {@code DUBAN_JAVA_OPTS} or the defaults. */
    List<String> javaOptions() {
        String given = env.get("DUBAN_JAVA_OPTS");
        String opts = given == null || given.isBlank() ? DEFAULT_JAVA_OPTS : given;
        return Arrays.stream(opts.trim().split("\\s+")).toList();
    }

    /** Starts a component in the background (stdout and stderr to its log, the previous log kept as .1) and records its pid. */
    ChildProcess start(Component c, Map<String, String> extraEnv) {
        try {
            Files.createDirectories(pids);
            Files.createDirectories(logs);
            if (Files.exists(log(c))) {
                Files.move(log(c), logs.resolve(c.id() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            ChildProcess.Builder builder = switch (c) {
                case POSTGRES -> postgres();
                case KAFKA -> kafka();
                case KEYCLOAK -> KeycloakProcess.builder(keycloakHome(), root.resolve("deploy/keycloak/duban-realm.json"), null,
                        c.port(), 9000);
                default -> service(c);
            };
            Map<String, String> environment = new LinkedHashMap<>(extraEnv);
            ChildProcess process = builder.environment(environment).log(log(c)).startTimeout(c.startTimeout())
                    .readiness(readiness(c)).detached().build().launch();
            Files.writeString(pidFile(c), process.pid() + "\n");
            info("starting " + c + " (pid " + process.pid() + ", log " + log(c) + ")");
            return process;
        } catch (IOException e) {
            throw new LauncherException("cannot start " + c + ": " + e.getMessage(), e);
        }
    }

    private ChildProcess.Builder postgres() {
        Path target = localStack();
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx128m", "-cp",
                target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*",
                LocalPostgres.class.getName(), home.resolve("postgres").toString(), "5432"));
        command.addAll(DATABASES);
        return ChildProcess.builder("postgres").command(command).workDir(home);
    }

    private ChildProcess.Builder kafka() throws IOException {
        KafkaConfig config = new KafkaConfig(home.resolve("kafka"), 9092, 9093, 1).write();
        Path libs = KafkaConfig.libs(root);
        if (!config.formatted()) {
            info("formatting the Kafka storage in " + config.data() + " (once)");
            try {
                config.formatIfNeeded(ChildProcess.java(), libs, logs.resolve("kafka-format.log"));
            } catch (IllegalStateException e) {
                throw new LauncherException(e.getMessage(), e);
            }
        }
        return ChildProcess.builder("kafka").command(config.command(ChildProcess.java(), libs, "-Xmx512m")).workDir(config.dir());
    }

    private ChildProcess.Builder service(Component c) {
        Path jar = jar(c);
        List<String> options = new ArrayList<>(javaOptions());
        options.addAll(aot.options(c.id(), jar));
        List<String> command = StackProcesses.command(ChildProcess.java(), options,
                Map.of("quarkus.http.port", Integer.toString(c.port())), jar);
        return ChildProcess.builder(c.id()).command(command).workDir(home.resolve("work").resolve(c.id()));
    }

    /**
     * Waits until a component is ready. Fails with the last lines of its log when it exits or is not ready
     * within its time (then it is left running). {@code startedAt} is when this launcher started it, or null.
     */
    void awaitReady(Component c, Instant startedAt) {
        Instant begin = startedAt != null ? startedAt : Instant.now();
        Duration limit = c.startTimeout();
        while (true) {
            Optional<ProcessHandle> process = running(c);
            if (process.isEmpty()) {
                printTail(c);
                forget(c);
                throw new LauncherException(c + " exited while starting; full log: " + log(c));
            }
            if (ready(c)) {
                if (startedAt != null) {
                    info(c + " ready after " + Duration.between(startedAt, Instant.now()).toSeconds() + "s");
                }
                if (c.isService()) {
                    aot.dropIfRefused(c.id(), log(c)).ifPresent(note -> info("note: " + note));
                }
                return;
            }
            if (Duration.between(begin, Instant.now()).compareTo(limit) > 0) {
                printTail(c);
                throw new LauncherException(c + " (pid " + process.get().pid() + ") was not ready within " + limit.toSeconds()
                        + "s; it is left running — see ./duban logs " + c + ", stop all with ./duban down");
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private void printTail(Component c) {
        err.println("---- last lines of " + log(c) + " ----");
        err.println(ChildProcess.tail(log(c), 25));
        err.flush();
    }

    // ---------------------------------------------------------------------------------------------
    // stopping

    /** Stops the components together: SIGTERM to each (its descendants are waited for too), SIGKILL after the limit. */
    void stop(Duration limit, List<Component> components) {
        List<ProcessHandle> all = new ArrayList<>();
        for (Component c : components) {
            Optional<Long> pid = recordedPid(c);
            if (pid.isEmpty()) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
            if (handle.isEmpty()) {
                info(c + " was not running (stale pid file removed)");
                forget(c);
                continue;
            }
            String command = commandLine(handle.get());
            if (!command.contains(marker(c))) {
                info("pid " + pid.get() + " is no longer " + c + " (it is now: " + command.substring(0, Math.min(80, command.length()))
                        + "); not touching it, pid file removed");
                forget(c);
                continue;
            }
            if (command.contains("-XX:AOTCacheOutput=")) {
                info("stopping " + c + " (pid " + pid.get() + "; it writes its AOT cache on the way out, which takes a while)");
                limit = limit.compareTo(AOT_WRITE) < 0 ? AOT_WRITE : limit;
            } else {
                info("stopping " + c + " (pid " + pid.get() + ")");
            }
            all.add(handle.get());
            all.addAll(handle.get().descendants().toList());
            handle.get().destroy();
        }
        Instant deadline = Instant.now().plus(limit);
        while (all.stream().anyMatch(ProcessHandle::isAlive)) {
            if (Instant.now().isAfter(deadline)) {
                List<ProcessHandle> left = all.stream().filter(ProcessHandle::isAlive).toList();
                info("still running after " + limit.toSeconds() + "s, killing: "
                        + String.join(" ", left.stream().map(h -> Long.toString(h.pid())).toList()));
                left.forEach(ProcessHandle::destroyForcibly);
                left.forEach(h -> h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join());
                break;
            }
            sleep(Duration.ofMillis(250));
        }
        components.forEach(this::forget);
    }

    /**
     * PostgreSQL itself is a child that LocalPostgres stops on SIGTERM; if that JVM was killed hard, the
     * server can outlive it. Stops such a leftover of our own data directory (fast shutdown, SIGINT).
     */
    void stopOrphanPostgres() {
        Path pidFile = home.resolve("postgres/postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").replaceAll("[^0-9]", "");
            if (first.isEmpty()) {
                return;
            }
            pid = Long.parseLong(first);
        } catch (IOException | NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty() || !commandLine(handle.get()).contains("postgres")) {
            return;
        }
        info("stopping a leftover PostgreSQL server (pid " + pid + ", data " + home.resolve("postgres") + ")");
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            handle.get().destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (handle.get().onExit().completeOnTimeout(null, 15, TimeUnit.SECONDS).join() == null) {
            handle.get().destroyForcibly();
        }
    }

    /** "running an older build" when a running service's code changed or was rebuilt after it started. */
    Optional<String> olderBuild(Component c, ProcessHandle process) {
        if (!c.isService()) {
            return Optional.empty();
        }
        Optional<String> stale = staleness.reason(c.id());
        Optional<Instant> started = process.info().startInstant();
        boolean rebuilt = started.isPresent() && staleness.built(c.id()).map(t -> t.toInstant().isAfter(started.get())).orElse(false);
        if (stale.isPresent() || rebuilt) {
            return Optional.of(c + " is running an older build (" + stale.orElse("rebuilt since it started")
                    + "): ./duban down && ./duban up");
        }
        return Optional.empty();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
