package org.duban.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A process of the stack — a service, a broker, an identity server: its command, environment and
 * log file, and a readiness check. A test owns its processes: it can kill one the hard way
 * (SIGKILL, with everything it started) and start it again with the very same command, so on the
 * same ports and data, which is what crash tests need, and every one still running is stopped when
 * the JVM exits. The launcher ({@code ./duban up}) starts them {@linkplain Builder#detached()
 * detached} instead: they outlive it, and {@code ./duban down} stops them by their recorded pid.
 */
public final class ChildProcess implements AutoCloseable {

    /** Whether a started process serves yet. */
    @FunctionalInterface
    public interface Readiness {
        boolean ready() throws Exception;

        /** An HTTP GET of {@code url} answers 200. */
        static Readiness http(String url) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            return () -> {
                try {
                    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            };
        }

        /** A line of the log starts with {@code prefix} (a process that says when it is ready). */
        static Readiness logLine(Path log, String prefix) {
            return () -> {
                try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    return lines.anyMatch(line -> line.startsWith(prefix));
                } catch (IOException | UncheckedIOException e) {
                    return false;
                }
            };
        }

        /** Both checks pass. */
        default Readiness and(Readiness other) {
            return () -> ready() && other.ready();
        }

        /** Something accepts connections on 127.0.0.1:{@code port}. */
        static Readiness listening(int port) {
            return () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return true;
                } catch (IOException e) {
                    return false;
                }
            };
        }
    }

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private final Readiness readiness;
    private final Duration startTimeout;
    private final boolean detached;
    private Process process;
    private long launchedAt;

    private ChildProcess(Builder b) {
        this.name = b.name;
        this.command = List.copyOf(b.command);
        this.environment = Map.copyOf(b.environment);
        this.workDir = b.workDir;
        this.log = b.log;
        this.readiness = b.readiness;
        this.startTimeout = b.startTimeout;
        this.detached = b.detached;
        if (!detached) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-stop"));
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** Starts the process and waits until it is ready. */
    public ChildProcess start() {
        launch();
        awaitReady();
        return this;
    }

    /** Starts the process without waiting (several can then start side by side); see {@link #awaitReady()}. */
    public synchronized ChildProcess launch() {
        if (isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "---- " + java.time.Instant.now() + " starting " + name + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            // detached: through sh, which ignores hang-up and Ctrl-C for it (as nohup and a background job do) and then
            // becomes it (exec), so the pid stays the same; the JVM keeps an ignored SIGINT/SIGHUP ignored
            List<String> argv = detached ? detachedCommand(command) : command;
            ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
            launchedAt = System.nanoTime();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    static List<String> detachedCommand(List<String> command) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "trap '' HUP INT; exec \"$@\"", "sh"));
        argv.addAll(command);
        return argv;
    }

    /** The command as given (without the detaching wrapper). */
    public List<String> command() {
        return command;
    }

    /** Whether the readiness check passes now. */
    public boolean ready() {
        try {
            return readiness.ready();
        } catch (Exception e) {
            return false;
        }
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    /** Waits until the readiness check passes; fails with the log's tail when the process exits or the time is up. */
    public void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process p;
            synchronized (this) {
                p = process;
            }
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(name + " exited while starting" + (p == null ? "" : " (exit code " + p.exitValue() + ")")
                        + "; the end of " + log + ":\n" + tail(40));
            }
            try {
                if (readiness.ready()) {
                    return;
                }
            } catch (Exception e) {
                // not ready yet
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new IllegalStateException(name + " was not ready within " + startTimeout + " (it is left running until the JVM exits); "
                + "the end of " + log + ":\n" + tail(40));
    }

    /** Seconds since the last launch, for reports. */
    public synchronized double secondsSinceLaunch() {
        return (System.nanoTime() - launchedAt) / 1e9;
    }

    /** SIGKILL to the process and everything it started, as a crash or a pulled plug would; returns when it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        waitFor(process, Duration.ofSeconds(30));
        all.forEach(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join());
        process = null;
    }

    /** SIGTERM (a graceful stop); SIGKILL for whatever still runs after 30 seconds. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        if (!waitFor(process, Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
        }
        for (ProcessHandle child : all) {
            if (child.isAlive()) {
                child.destroy();
                if (!child.onExit().orTimeout(10, TimeUnit.SECONDS).thenApply(h -> true).exceptionally(t -> false).join()) {
                    child.destroyForcibly();
                }
            }
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The last {@code lines} lines of the log. */
    public String tail(int lines) {
        return tail(log, lines);
    }

    /** The last {@code lines} lines of any text file (a short note when it cannot be read). */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /**
     * A TCP port nothing listens on right now, outside the kernel's ephemeral range so that no outgoing connection
     * takes it before the process binds it, and not handed out before in this JVM (see {@link FreePorts}).
     */
    public static int freePort() {
        return FreePorts.next();
    }

    /** The {@code java} of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static final class Builder {
        private final String name;
        private final List<String> command = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workDir;
        private Path log;
        private Readiness readiness = () -> true;
        private Duration startTimeout = Duration.ofSeconds(120);
        private boolean detached;

        private Builder(String name) {
            this.name = name;
        }

        public Builder command(List<String> command) {
            this.command.addAll(command);
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** Where stdout and stderr go (appended across restarts). */
        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        public Builder readiness(Readiness readiness) {
            this.readiness = readiness;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /**
         * Started to outlive this JVM (the launcher's way): no stop at exit, hang-up and Ctrl-C ignored.
         * Needs {@code /bin/sh} (Linux, macOS).
         */
        public Builder detached() {
            this.detached = true;
            return this;
        }

        public ChildProcess build() {
            if (command.isEmpty()) {
                throw new IllegalStateException("no command for " + name);
            }
            try {
                if (log == null) {
                    log = Files.createTempFile(name + "-", ".log");
                }
                if (workDir == null) {
                    workDir = log.toAbsolutePath().getParent();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ChildProcess(this);
        }
    }
}
