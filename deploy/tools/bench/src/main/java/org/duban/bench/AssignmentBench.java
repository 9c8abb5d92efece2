package org.duban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** task-service: plan import, assignment queries at scale, and the outbox relay's latency. */
final class AssignmentBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssignmentBench() {
    }

    static void run(int targetAssignments, int concurrency, Duration warmup, Duration measure) throws Exception {
        String service = System.getProperty("taskService", "http://localhost:8081");
        String gateway = System.getProperty("gateway", "http://localhost:8080");
        Bench.Tokens office = new Bench.Tokens("office");
        grow(service, office, targetAssignments);
        long planId = JSON.readTree(Bench.get(service + "/api/plans?size=1", office.get()).body()).get("items").get(0).get("id").asLong();
        System.out.printf("## task-service with %d assignments (%d workers, %s warm-up, %s measured)%n%n", total(service, office.get(), ""), concurrency, warmup, measure);
        System.out.println(LoadRun.Result.header());
        List<LoadRun.Scenario> scenarios = new ArrayList<>();
        List<String> cities = List.of("gov-340100", "gov-340200", "gov-340300", "gov-340400", "gov-340500", "gov-340600");
        for (String base : List.of(service, gateway)) {
            String via = base.equals(service) ? "direct" : "gateway";
            scenarios.add(new LoadRun.Scenario("unit + overdue (size 50), " + via, w -> i ->
                    Bench.ok(Bench.get(base + "/api/assignments?overdue=true&size=50&unit=" + cities.get((i + w) % cities.size()), office.get()))));
            scenarios.add(new LoadRun.Scenario("unit + status, by due date, " + via, w -> i ->
                    Bench.ok(Bench.get(base + "/api/assignments?status=NOT_STARTED&sort=dueDate&size=50&unit="
                            + cities.get((i + w) % cities.size()), office.get()))));
            scenarios.add(new LoadRun.Scenario("one plan, page " + "k (size 50), " + via, w -> i ->
                    Bench.ok(Bench.get(base + "/api/assignments?size=50&planId=" + planId + "&page=" + ((i * 3 + w) % 100), office.get()))));
            scenarios.add(new LoadRun.Scenario("a unit's task list, " + via, w -> i ->
                    Bench.ok(Bench.get(base + "/api/tasks?size=50&planId=" + planId + "&unit=" + cities.get((i + w) % cities.size()), office.get()))));
        }
        List<LoadRun.Result> results = LoadRun.runAll(scenarios, concurrency, warmup, measure);
        results.forEach(r -> System.out.println(r.row()));
        System.out.println();
        relayLatency(service, planId, Integer.getInteger("changes", 500), Integer.getInteger("rate", 50));
    }

    /** Grows task-service to {@code target} assignments by importing the sample plan under new document numbers. */
    static long grow(String service, Bench.Tokens office, long targetAssignments) throws Exception {
        Path plan = Path.of(System.getProperty("plan", "task-service/src/test/resources/anhui-2022-disclosure-plan.txt"));
        byte[] text = Files.readAllBytes(plan);

        // grow to the target by importing the sample plan under new document numbers
        long total = total(service, office.get(), "");
        Histogram imports = new Histogram(600_000_000_000L, 3);
        int imported = 0;
        while (total < targetAssignments) {
            String number = "基准〔2022〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
            long t = System.nanoTime();
            HttpResponse<String> answer = Bench.HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/plans/import?documentNumber="
                            + URLEncoder.encode(number, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + office.get()).header("Content-Type", "text/plain; charset=UTF-8")
                    .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(text)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("import failed: " + answer.statusCode() + " " + answer.body());
            }
            imports.recordValue(System.nanoTime() - t);
            imported++;
            total += JSON.readTree(answer.body()).get("assignments").asLong();
        }
        if (imported > 0) {
            System.out.printf("Plan import of the sample (44 tasks, ~5,000 assignments), %d imports through task-service: "
                            + "p50 %.2f s, p90 %.2f s, max %.2f s%n%n", imported, imports.getValueAtPercentile(50) / 1e9,
                    imports.getValueAtPercentile(90) / 1e9, imports.getMaxValue() / 1e9);
        }
        System.out.printf("Task-service holds %d assignments.%n%n", total);
        return total;
    }

    /**
     * From the change (the event's time, taken in the changing transaction) to an outside consumer
     * holding the event: commit, relay wake-up, publish, broker, fetch.
     */
    static void relayLatency(String service, long planId, int changes, int perSecond) throws Exception {
        Bench.Tokens hefei = new Bench.Tokens("hefei");
        JsonNode mine = JSON.readTree(Bench.get(service + "/api/assignments?size=100&unit=gov-340100&planId=" + planId, hefei.get()).body());
        List<Long> ids = new ArrayList<>();
        mine.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka", "127.0.0.1:9092"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("duban.assignments"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            Set<String> expected = ConcurrentHashMap.newKeySet();
            Thread producer = new Thread(() -> {
                long interval = 1_000_000_000L / perSecond;
                long next = System.nanoTime();
                for (int i = 0; i < changes; i++) {
                    long id = ids.get(i % ids.size());
                    String marker = "bench-" + i;
                    expected.add(marker);
                    try {
                        if (!Bench.ok(Bench.post(service + "/api/assignments/" + id + "/progress", hefei.get(),
                                JSON.writeValueAsString(Map.of("text", marker))))) {
                            expected.remove(marker);
                        }
                    } catch (Exception e) {
                        Failures.record(e);
                        expected.remove(marker);
                    }
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            });
            producer.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(changes / perSecond + 30).toNanos();
            int seen = 0;
            while (System.nanoTime() < deadline && seen < changes) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long received = System.currentTimeMillis();
                    JsonNode event = JSON.readTree(record.value());
                    JsonNode data = event.get("data");
                    if (!"duban.assignment.progress-reported".equals(event.get("type").asText())
                            || !data.has("text") || !expected.contains(data.get("text").asText())) {
                        continue;
                    }
                    long at = OffsetDateTime.parse(event.get("time").asText()).toInstant().toEpochMilli();
                    latency.recordValue(Math.max(0, received - at) * 1_000_000L);
                    seen++;
                }
            }
            producer.join();
            System.out.printf("## Outbox relay: change → event at a consumer (%d progress reports at %d/s, %d seen)%n%n", changes, perSecond, seen);
            System.out.println("| p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| %.1f | %.1f | %.1f | %.1f |%n", latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(90) / 1e6, latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
        }
    }

    private static long total(String service, String token, String query) throws Exception {
        return JSON.readTree(Bench.get(service + "/api/assignments?size=1" + query, token).body()).get("total").asLong();
    }

}
