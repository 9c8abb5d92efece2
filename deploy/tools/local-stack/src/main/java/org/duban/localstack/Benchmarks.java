package org.duban.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./duban bench <name>}: the benchmarks of {@code deploy/tools/bench} (a child JVM) against the
 * running local stack, and the startup benchmark, which restarts each service itself. A benchmark that
 * goes through the gateway gets a gateway whose per-client rate limit is far above its load (the load
 * generator is one client; the normal limit, 20/s, would turn most requests into 429s): the launcher
 * restarts the gateway with {@code DUBAN_GATEWAY_RATE_LIMIT_*} for the run and restarts the normal one
 * afterwards. A benchmark that counted errors fails, with the count and the first error.
 */
final class Benchmarks {

    /** The benchmarks that send requests through the gateway. */
    static final List<String> THROUGH_GATEWAY = List.of("units", "assignments", "list-sql", "gateway", "all");
    static final String RATE = "DUBAN_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND";
    static final String BURST = "DUBAN_GATEWAY_RATE_LIMIT_BURST";
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern HOLDS = Pattern.compile("Task-service holds ([0-9]+) assignments");
    /** Redmine's size when task-service's is not known (the data of issue 8 and 20). */
    private static final long PEER_ISSUES = 302_280;

    private final Stack stack;
    private PrintStream out;
    /** How many assignments task-service holds, as the last {@code grow} said; Redmine is seeded to as many issues. */
    private long assignments = PEER_ISSUES;

    Benchmarks(Stack stack) {
        this.stack = stack;
        this.out = stack.out;
    }

    void run(String name, List<String> options) {
        if (name.equals("startup")) {
            startup();
            return;
        }
        if (name.equals("peer")) {
            peer(Long.parseLong(stack.env.getOrDefault("BENCH_PEER_ISSUES", Long.toString(PEER_ISSUES))));
            return;
        }
        if (!name.equals("resolver")) {
            requireRunning(name);
        }
        new Build(stack).ifStale(List.of("deploy/tools/bench"), List.of("-Dquarkus.build.skip=true"));
        if (name.equals("all")) {
            all(options);
            return;
        }
        if (THROUGH_GATEWAY.contains(name)) {
            withBenchGateway(() -> bench(name, options));
        } else {
            bench(name, options);
        }
    }

    /** Issue 8's set: the list against raw SQL, change → reminder-service, reminder runs, startup and memory. */
    private void all(List<String> options) {
        Path file = stack.home.resolve("bench-all-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        try (PrintStream tee = new PrintStream(new TeeStream(stack.out, Files.newOutputStream(file)), true, StandardCharsets.UTF_8)) {
            out = tee;
            withBenchGateway(() -> {
                // issue 8's and 20's data: the sample plan 60 times (302,280 assignments)
                List<String> grow = new ArrayList<>(List.of("-Dassignments=300000"));
                grow.addAll(options);
                bench("grow", grow);
                bench("list-sql", options);
                bench("events", options);
                List<String> reminders = new ArrayList<>(List.of("-Dfirst=false"));
                reminders.addAll(options);
                bench("reminders", reminders);
            });
            startup();
            if (!"0".equals(stack.env.get("BENCH_PEER"))) {
                peer(assignments);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            out = stack.out;
        }
        stack.info("tables written to " + file);
    }

    /**
     * The peer: Redmine 5 (Debian's package, PostgreSQL 15, puma) on this machine, beside the running stack, seeded to
     * {@code issues} issues of the same shape (the sample plan's tasks × the units), asked the same question — one
     * unit's open work due by a date — with wrk, and its SQL with pgbench (deploy/tools/bench/peer, README-redmine.md).
     * It needs root (packages, its own PostgreSQL cluster); it is stopped again afterwards. A peer that cannot be set
     * up is reported and the run goes on: Duban's own figures above stand.
     */
    void peer(long issues) {
        Path dir = stack.root.resolve("deploy/tools/bench/peer");
        out.println("## Redmine 5 beside Duban: the same list, " + issues + " issues (deploy/tools/bench/peer)");
        out.println();
        out.println("```");
        try {
            if (!shell(dir.resolve("redmine-up.sh").toString()) || !shell(dir.resolve("redmine-seed.sh").toString(), Long.toString(issues))) {
                out.println("```");
                out.println();
                out.println("**Redmine could not be set up here (the reason is above): no peer figures in this run.**");
                return;
            }
            boolean measured = shell(dir.resolve("redmine-measure.sh").toString());
            out.println("```");
            out.println();
            if (!measured) {
                out.println("**The Redmine measurement failed (the reason is above): no peer figures in this run.**");
            }
        } finally {
            shell(dir.resolve("redmine-down.sh").toString());
        }
    }

    /** Runs a script of the peer, its output into the tables; whether it succeeded. */
    private boolean shell(String... command) {
        try {
            int status = runPrinting(List.of(command), line -> { });
            if (status != 0) {
                out.println(Path.of(command[0]).getFileName() + " exited with status " + status);
            }
            return status == 0;
        } catch (IOException e) {
            out.println("cannot run " + command[0] + ": " + e.getMessage());
            return false;
        }
    }

    /** Runs a command in the repository (no input), prints its output into the tables and to {@code each}; its exit status. */
    private int runPrinting(List<String> command, java.util.function.Consumer<String> each) throws IOException {
        Process p = new ProcessBuilder(command).directory(stack.root.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(line);
                each.accept(line);
            }
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new LauncherException("interrupted");
        }
    }

    private void requireRunning(String name) {
        List<String> down = new ArrayList<>();
        for (Component c : Component.values()) {
            if (stack.running(c).isEmpty()) {
                down.add(c.id());
            }
        }
        if (!down.isEmpty()) {
            throw new LauncherException("bench " + name + " runs against the local stack, but these are not running: "
                    + String.join(" ", down) + " (./duban up first)");
        }
    }

    /** Runs {@code body} with a gateway whose rate limit is above the benchmark's load, then restores the normal one. */
    void withBenchGateway(Runnable body) {
        Map<String, String> limits = Map.of(RATE, stack.env.getOrDefault(RATE, "100000"), BURST, stack.env.getOrDefault(BURST, "100000"));
        stack.info("restarting the gateway for the benchmark with a per-client rate limit of " + limits.get(RATE) + "/s (burst "
                + limits.get(BURST) + "); the normal gateway comes back afterwards");
        stack.restart(List.of(Component.GATEWAY), limits);
        try {
            body.run();
        } finally {
            stack.info("restoring the normal gateway");
            stack.restart(List.of(Component.GATEWAY), Map.of());
        }
    }

    /** One benchmark of deploy/tools/bench in a child JVM; fails when it exits with an error (it names the first one). */
    private void bench(String name, List<String> options) {
        Path target = stack.root.resolve("deploy/tools/bench/target");
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx1g"));
        command.addAll(options);
        command.addAll(List.of("-cp", target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*",
                "org.duban.bench.Bench", name));
        try {
            // grow names task-service's size: Redmine is seeded to as many issues
            int status = runPrinting(command, line -> {
                Matcher holds = HOLDS.matcher(line);
                if (holds.find()) {
                    assignments = Long.parseLong(holds.group(1));
                }
            });
            if (status != 0) {
                throw new LauncherException("benchmark '" + name + "' FAILED (exit status " + status + "): its figures do not count; "
                        + "the reason is above");
            }
        } catch (IOException e) {
            throw new LauncherException("cannot run benchmark " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Startup and idle memory of each service: stop it, start it alone, time process start → ready
     * ({@code /q/health/ready} answers 200, polled every 50 ms) and read Quarkus' "started in"; then,
     * after a minute idle, the resident set of each (and its peak where the system tells it).
     */
    void startup() {
        int runs = Integer.parseInt(stack.env.getOrDefault("BENCH_RUNS", "3"));
        int idle = Integer.parseInt(stack.env.getOrDefault("BENCH_IDLE", "60"));
        // BENCH_AOT=both: every run twice, without and with the cache in turn, so that both see the same machine
        boolean both = "both".equals(stack.env.get("BENCH_AOT"));
        String aot = both ? "alternating without and with the AOT cache"
                : stack.aot.enabled() ? "with the AOT cache" : "without the AOT cache (DUBAN_AOT=0)";
        out.println("## Startup: process start → /q/health/ready (each service restarted alone, " + runs + " times, " + aot + ")");
        out.println();
        out.println("| service | run | start → ready ms | Quarkus \"started in\" s | AOT |");
        out.println("|---|---|---|---|---|");
        stack.verbose = false;
        try {
            startEach(runs, both);
        } finally {
            stack.verbose = true;
        }
        out.println();
        Stack.sleep(Duration.ofSeconds(idle));
        idleMemory(idle);
    }

    /** Each service stopped, started alone and timed to ready, {@code runs} times. */
    private void startEach(int runs, boolean both) {
        AotCache configured = stack.aot;
        List<AotCache> modes = both ? List.of(new AotCache(stack.home.resolve("aot"), false), new AotCache(stack.home.resolve("aot"), true))
                : List.of(configured);
        try {
            for (Component c : Component.SERVICES) {
                for (int i = 1; i <= runs; i++) {
                    for (AotCache mode : modes) {
                        stack.aot = mode;
                        startOnce(c, i);
                    }
                }
            }
        } finally {
            stack.aot = configured;
        }
    }

    /** Stops the service, starts it alone and prints the time from process start to ready. */
    private void startOnce(Component c, int i) {
        if (stack.running(c).isPresent()) {
            stack.stop(Stack.SERVICE_STOP, List.of(c));
        }
        List<String> aotOptions = stack.aot.options(c.id(), stack.jar(c));
        long t0 = System.nanoTime();
        ChildProcess process = stack.start(c, Map.of());
        while (!stack.ready(c)) {
            if (!process.isAlive()) {
                throw new LauncherException(c + " exited while starting; see " + stack.log(c));
            }
            if (System.nanoTime() - t0 > Duration.ofSeconds(120).toNanos()) {
                throw new LauncherException(c + " was not ready within 120 s");
            }
            Stack.sleep(Duration.ofMillis(50));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String mode = aotOptions.isEmpty() ? "off" : aotOptions.get(0).startsWith("-XX:AOTCache=") ? "cache used" : "recording";
        if (AotCache.refused(stack.log(c))) {
            mode = "refused";
        }
        out.printf("| %s | %d | %d | %s | %s |%n", c, i, ms, startedIn(stack.log(c)).orElse("?"), mode);
    }

    private void idleMemory(int idle) {
        out.println("## Idle memory, " + idle + " s after the last start");
        out.println();
        out.println("| service | pid | RSS MB | peak RSS MB |");
        out.println("|---|---|---|---|");
        for (Component c : Component.SERVICES) {
            Optional<ProcessHandle> p = stack.running(c);
            if (p.isEmpty()) {
                continue;
            }
            long pid = p.get().pid();
            out.printf("| %s | %d | %s | %s |%n", c, pid, rssMb(pid).map(String::valueOf).orElse("?"),
                    peakMb(pid).map(String::valueOf).orElse("—"));
        }
    }

    static Optional<String> startedIn(Path log) {
        try {
            Matcher m = STARTED_IN.matcher(Files.readString(log, StandardCharsets.UTF_8));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The resident set in MB, from {@code ps} (Linux and macOS). */
    static Optional<Long> rssMb(long pid) {
        try {
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(pid)).redirectErrorStream(true).start();
            String kb = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            ps.waitFor();
            return kb.matches("\\d+") ? Optional.of(Long.parseLong(kb) / 1024) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The peak resident set in MB where the system keeps it (Linux: VmHWM); empty elsewhere. */
    static Optional<Long> peakMb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            if (!Files.isReadable(status)) {
                return Optional.empty();
            }
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes to two streams (the terminal and the tables file of {@code bench all}). */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            a.flush();
            b.close();
        }
    }
}
