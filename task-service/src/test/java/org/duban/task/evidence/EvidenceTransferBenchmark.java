package org.duban.task.evidence;

import org.duban.localstack.ChildProcess;
import org.duban.localstack.StackProcesses;
import org.duban.task.SamplePlan;
import org.duban.testsupport.SharedInfrastructure;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test but a measurement, run on purpose: {@code ./mvnw -B -pl task-service -am verify
 * -Dtest=EvidenceTransferBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dduban.bench=evidence}
 * (the packaged services must be built). The packaged unit-service, task-service, reminder-service and
 * gateway run as processes with the local stack's JVM options, on the test JVM's PostgreSQL and Kafka,
 * tokens from the test issuer; the sample plan is imported; then a 50 MiB pdf goes up through the
 * gateway and comes down again, a few times, into PostgreSQL and then into S3Proxy. While each transfer
 * runs, the resident memory (/proc) and the heap in use (jstat) of task-service and the gateway are
 * sampled; the figures are printed as a Markdown table (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "duban.bench", matches = "evidence")
class EvidenceTransferBenchmark {

    static final long SIZE = 50L * 1024 * 1024;
    static final int RUNS = Integer.getInteger("duban.bench.runs", 3);
    static final List<String> JVM = List.of("-Xmx256m", "-Xms32m", "-XX:+UseSerialGC", "-XX:+UseCompactObjectHeaders");

    record Sample(long rssKb, long heapKb) {
    }

    record Figures(String storage, String phase, int run, double seconds, Map<String, long[]> memory) {
    }

    @Test
    void uploadAndDownload50MiBThroughTheGateway() throws Exception {
        List<Figures> all = new ArrayList<>();
        all.addAll(measure("PostgreSQL", Map.of()));
        Map<String, String> s3 = new S3ProxyResource().start();
        all.addAll(measure("S3 (S3Proxy)", s3));
        StringBuilder table = new StringBuilder("""
                | store | transfer | run | time s | MB/s | task-service RSS before → peak MB | task-service heap used first → peak MB | gateway RSS before → peak MB | gateway heap used first → peak MB |
                |---|---|---|---|---|---|---|---|---|
                """);
        for (Figures f : all) {
            long[] task = f.memory().get("task-service");
            long[] gateway = f.memory().get("gateway");
            table.append("| %s | %s | %d | %.2f | %.1f | %d → %d | %d → %d | %d → %d | %d → %d |%n".formatted(f.storage(), f.phase(),
                    f.run(), f.seconds(), SIZE / 1024.0 / 1024.0 / f.seconds(), task[0] / 1024, task[1] / 1024, task[3] / 1024,
                    task[2] / 1024, gateway[0] / 1024, gateway[1] / 1024, gateway[3] / 1024, gateway[2] / 1024));
        }
        System.out.println("\n" + table);
        Files.writeString(Path.of("target/evidence-benchmark.md"), table.toString());
    }

    private List<Figures> measure(String storage, Map<String, String> taskProperties) throws Exception {
        String issuer = TestTokens.issuer();
        List<Figures> figures = new ArrayList<>();
        try (StackProcesses stack = StackProcesses.builder().issuer(issuer)
                .kafka(SharedInfrastructure.kafkaBootstrapServers())
                .databases(SharedInfrastructure::database, "postgres", "postgres")
                .jvmOptions(JVM)
                .property(StackProcesses.GATEWAY, "duban.gateway.rate-limit.enabled", "false")
                .properties(StackProcesses.TASK_SERVICE, taskProperties)
                .logs(Path.of("target/evidence-benchmark-logs", storage.replaceAll("\\W", "")).toAbsolutePath())
                .launch().awaitReady();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String gateway = stack.url(StackProcesses.GATEWAY);
            long assignment = assignment(http, gateway);
            Map<String, ChildProcess> watched = Map.of("task-service", stack.process(StackProcesses.TASK_SERVICE),
                    "gateway", stack.process(StackProcesses.GATEWAY));
            String hefei = TestTokens.unit("gov-340100");
            for (int run = 0; run <= RUNS; run++) { // run 0 warms up and is not reported
                Watch watch = new Watch(watched);
                long start = System.nanoTime();
                HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/assignments/" + assignment + "/attachments"))
                        .header("Authorization", "Bearer " + hefei).header("Content-Type", Uploads.MULTIPART)
                        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> Uploads.formStream("基准测试.pdf", SIZE)),
                                Uploads.head("基准测试.pdf").length + SIZE + Uploads.tail().length))
                        .build(), HttpResponse.BodyHandlers.ofString());
                double upSeconds = (System.nanoTime() - start) / 1e9;
                Map<String, long[]> upMemory = watch.stop();
                assertEquals(201, up.statusCode(), up.body());
                long id = Long.parseLong(match(up.body(), "\"id\":(\\d+)"));

                watch = new Watch(watched);
                start = System.nanoTime();
                HttpResponse<InputStream> down = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/attachments/" + id + "/content"))
                        .header("Authorization", "Bearer " + TestTokens.admin()).build(), HttpResponse.BodyHandlers.ofInputStream());
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long read = 0;
                try (InputStream in = down.body()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                        read += n;
                    }
                }
                double downSeconds = (System.nanoTime() - start) / 1e9;
                Map<String, long[]> downMemory = watch.stop();
                assertEquals(200, down.statusCode());
                assertEquals(SIZE, read);
                assertEquals(match(up.body(), "\"sha256\":\"([0-9a-f]+)\""), HexFormat.of().formatHex(sha.digest()));
                if (run > 0) {
                    figures.add(new Figures(storage, "upload", run, upSeconds, upMemory));
                    figures.add(new Figures(storage, "download", run, downSeconds, downMemory));
                }
            }
        }
        return figures;
    }

    /** Hefei's share of task 39 in the sample plan, imported through the gateway the first time. */
    private static long assignment(HttpClient http, String gateway) throws Exception {
        String admin = TestTokens.admin();
        http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/plans/import")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(SamplePlan.text(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.discarding());
        String list = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/assignments?taskNumber=39&unit=gov-340100"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body();
        return Long.parseLong(match(list, "\"items\":\\[\\{\"id\":(\\d+)"));
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError(regex + " not in " + text);
        }
        return m.group(1);
    }

    /**
     * Samples the resident set (/proc/pid/status) every 50 ms and the heap in use (jstat -gc every 100 ms)
     * of each process while a transfer runs; answers per process {RSS before, RSS peak, heap-used peak, heap used at
     * the first sample} in KiB. Heap used counts garbage not yet collected too: a peak well under the file's size
     * shows that the file was never held.
     */
    static final class Watch {
        private final Map<String, long[]> figures = new ConcurrentHashMap<>();
        private final List<Process> jstats = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Watch(Map<String, ChildProcess> processes) throws IOException {
            for (var e : processes.entrySet()) {
                long pid = e.getValue().pid();
                long[] f = {rss(pid), 0, 0, -1};
                figures.put(e.getKey(), f);
                Thread rss = Thread.ofPlatform().daemon().start(() -> {
                    while (running) {
                        f[1] = Math.max(f[1], rss(pid));
                        java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                    }
                });
                threads.add(rss);
                Path jstat = Path.of(ChildProcess.java()).resolveSibling("jstat");
                Process p = new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid), "100").redirectErrorStream(true).start();
                jstats.add(p);
                threads.add(Thread.ofPlatform().daemon().start(() -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        List<String> header = null;
                        for (String line; (line = in.readLine()) != null; ) {
                            List<String> cells = List.of(line.trim().split("\\s+"));
                            if (cells.contains("EU")) {
                                header = cells;
                            } else if (header != null && cells.size() == header.size()) {
                                double used = 0;
                                for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                                    used += Double.parseDouble(cells.get(header.indexOf(column)));
                                }
                                f[2] = Math.max(f[2], (long) used);
                                if (f[3] < 0) {
                                    f[3] = (long) used;
                                }
                            }
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // the sampler ends with the transfer
                    }
                }));
            }
        }

        Map<String, long[]> stop() throws InterruptedException {
            java.util.concurrent.locks.LockSupport.parkNanos(250_000_000); // one more jstat line after the transfer
            running = false;
            jstats.forEach(Process::destroy);
            for (Thread t : threads) {
                t.join(2000);
            }
            return new LinkedHashMap<>(figures);
        }

        private static long rss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return 0;
        }
    }
}
