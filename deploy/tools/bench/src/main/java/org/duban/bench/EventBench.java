package org.duban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A status change in task-service → the change applied in reminder-service's copy (what its reminder
 * decisions read), end to end, at fixed open-loop rates; and a bare Kafka produce → consume round trip
 * on the same broker at the same rates.
 *
 * <p>Changes are progress reports (the first one also moves the assignment to IN_PROGRESS) sent by
 * the assignments' own units at a fixed rate, whatever the answers' speed: a scheduler fires each
 * request at its instant (asynchronous HTTP, as many connections as needed) and records that instant.
 * Within a run every assignment changes once; the copy's {@code applied_at} (V5) gives when
 * reminder-service applied it.
 */
final class EventBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBench() {
    }

    record Owned(long id, Bench.Tokens owner) {
    }

    record Result(String path, int rate, int run, int sent, int ok, double achieved, Histogram latency, Histogram answer) {
    }

    static void run(List<Integer> rates, int seconds, int rounds) throws Exception {
        String service = System.getProperty("taskService", "http://localhost:8081");
        List<Owned> pool = new ArrayList<>();
        for (String[] u : List.of(new String[]{"hefei", "gov-340100"}, new String[]{"wuhu", "gov-340200"}, new String[]{"fgw", "dept-fgw"})) {
            Bench.Tokens t = new Bench.Tokens(u[0]);
            for (int page = 0; page < 40; page++) {
                JsonNode items = JSON.readTree(Bench.get(service + "/api/assignments?size=500&page=" + page, t.get()).body()).path("items");
                if (items.isEmpty()) {
                    break;
                }
                for (JsonNode item : items) {
                    if (!"COMPLETED".equals(item.path("status").asText())) {
                        pool.add(new Owned(item.get("id").asLong(), t));
                    }
                }
            }
        }
        Collections.shuffle(pool);
        System.out.printf("%d assignments of hefei, wuhu and fgw to change%n", pool.size());
        List<Result> results = new ArrayList<>();
        // Warm-up, unmeasured, through both paths: long enough for the JIT to compile the write path of a
        // freshly started task-service (3 s at 100/s left the first measured runs 2-3x slower; 20 s at 250/s, above what a cold
        // JVM sustains here, still left the compilers busy through the measured runs: 60 s at 100/s).
        int warmup = Integer.getInteger("warmup", 60);
        int warmupRate = Integer.getInteger("warmupRate", 100);
        System.out.printf("warming up: %d s of changes at %d/s%n", warmup, warmupRate);
        changes(service, pool, warmupRate, warmup, 0);
        kafka(rates.get(0), 3, 0);
        for (int round = 1; round <= rounds; round++) {
            for (int rate : rates) {
                int n = Math.min(pool.size(), rate * seconds);
                results.add(changes(service, pool, rate, n / rate, round));
                results.add(kafka(rate, seconds, round));
            }
        }
        System.out.printf("%n## Change → applied in reminder-service, and a bare Kafka round trip (open loop, %d s per run)%n%n", seconds);
        System.out.println("| path | rate /s | run | sent | ok | achieved /s | p50 ms | p90 ms | p99 ms | max ms | HTTP answer p50 / p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf("| %s | %d | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%n", r.path(), r.rate(), r.run(), r.sent(), r.ok(),
                    r.achieved(), ms(r.latency(), 50), ms(r.latency(), 90), ms(r.latency(), 99), r.latency().getMaxValue() / 1e6,
                    r.answer() == null ? "—" : String.format("%.1f / %.1f", ms(r.answer(), 50), ms(r.answer(), 99)));
        }
        System.out.println();
        System.out.println("| rate /s | change → reminder-service p50 / p99 ms (median of runs) | Kafka round trip p50 / p99 ms | p99 ratio |");
        System.out.println("|---|---|---|---|");
        for (int rate : rates) {
            double e50 = median(results, "change → reminder-service", rate, 50), e99 = median(results, "change → reminder-service", rate, 99);
            double k50 = median(results, "Kafka produce → consume", rate, 50), k99 = median(results, "Kafka produce → consume", rate, 99);
            System.out.printf("| %d | %.1f / %.1f | %.1f / %.1f | %.1f× |%n", rate, e50, e99, k50, k99, e99 / k99);
        }
    }

    static double ms(Histogram h, double p) {
        return h.getValueAtPercentile(p) / 1e6;
    }

    static double median(List<Result> rs, String path, int rate, double p) {
        double[] v = rs.stream().filter(r -> r.path().equals(path) && r.rate() == rate).mapToDouble(r -> ms(r.latency(), p)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    static Result changes(String service, List<Owned> pool, int rate, int seconds, int round) throws Exception {
        int n = Math.min(pool.size(), rate * seconds);
        List<Owned> chosen = new ArrayList<>(pool);
        Collections.shuffle(chosen);
        chosen = chosen.subList(0, n);
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        Histogram answers = new Histogram(600_000_000_000L, 3);
        AtomicLong ok = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        // tokens first, so that the scheduler never waits for Keycloak
        for (Owned o : chosen) {
            o.owner().get();
        }
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long next = start;
        Instant began = Instant.now();
        for (Owned o : chosen) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next += interval;
            HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/api/assignments/" + o.id() + "/progress"))
                    .header("Authorization", "Bearer " + o.owner().get()).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"bench " + round + "\"}")).build();
            long t = System.nanoTime();
            sentAt.put(o.id(), micros(Instant.now()));
            pending.add(Bench.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                synchronized (answers) {
                    answers.recordValue(System.nanoTime() - t);
                }
                if (e == null && r.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    Failures.record(e != null ? e.toString() : "HTTP " + r.statusCode() + " for POST " + r.request().uri());
                    sentAt.remove(o.id());
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        double achieved = n / ((System.nanoTime() - start) / 1e9);
        // wait for reminder-service to apply them all (or 60 s)
        Histogram latency = new Histogram(600_000_000_000L, 3);
        String db = System.getProperty("reminderDb", "jdbc:postgresql://localhost:5432/duban_reminder");
        try (Connection c = DriverManager.getConnection(db, System.getProperty("dbUser", "postgres"), System.getProperty("dbPassword", ""));
             PreparedStatement q = c.prepareStatement("select id, applied_at from assignment_copy where id = any(?) and applied_at >= ?")) {
            q.setArray(1, c.createArrayOf("bigint", sentAt.keySet().toArray()));
            q.setObject(2, java.time.OffsetDateTime.ofInstant(began, java.time.ZoneOffset.UTC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Map<Long, Long> applied = new java.util.HashMap<>();
            while (applied.size() < sentAt.size() && System.nanoTime() < deadline) {
                applied.clear();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        applied.put(rs.getLong(1), micros(rs.getObject(2, java.time.OffsetDateTime.class).toInstant()));
                    }
                }
                if (applied.size() < sentAt.size()) {
                    Thread.sleep(300);
                }
            }
            for (var e : applied.entrySet()) {
                Long sent = sentAt.get(e.getKey());
                if (sent != null) {
                    latency.recordValue(Math.max(0, e.getValue() - sent) * 1000L);
                }
            }
            if (applied.size() < sentAt.size()) {
                System.out.printf("(rate %d run %d: %d of %d changes not applied within 60 s)%n", rate, round, sentAt.size() - applied.size(), sentAt.size());
                Failures.record((sentAt.size() - applied.size()) + " of " + sentAt.size() + " changes at " + rate
                        + "/s were not applied in reminder-service within 60 s");
            }
        }
        System.out.printf("changes at %d/s, run %d: %d sent, %d ok, p99 %.1f ms%n", rate, round, n, ok.get(), ms(latency, 99));
        return new Result("change → reminder-service", rate, round, n, (int) ok.get(), achieved, latency, answers);
    }

    /** A producer (acks=all, no linger) and a consumer on the same broker: send → poll returned it. */
    static Result kafka(int rate, int seconds, int round) throws Exception {
        String bootstrap = System.getProperty("kafka", "127.0.0.1:9092");
        String topic = "bench.roundtrip";
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        Histogram latency = new Histogram(600_000_000_000L, 3);
        int n = rate * seconds;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "hello")).get(); // creates the topic
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            String run = UUID.randomUUID().toString();
            Thread sender = new Thread(() -> {
                long interval = 1_000_000_000L / rate;
                long next = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    next += interval;
                    producer.send(new ProducerRecord<>(topic, run, String.valueOf(micros(Instant.now()))));
                }
            });
            long start = System.nanoTime();
            sender.start();
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 30).toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = micros(Instant.now());
                    if (run.equals(r.key())) {
                        latency.recordValue(Math.max(0, now - Long.parseLong(r.value())) * 1000L);
                        seen++;
                    }
                }
            }
            sender.join();
            if (seen < n) {
                Failures.record("Kafka round trip at " + rate + "/s: " + (n - seen) + " of " + n + " records not consumed within "
                        + (seconds + 30) + " s");
            }
            return new Result("Kafka produce → consume", rate, round, n, seen, n / ((System.nanoTime() - start) / 1e9), latency, null);
        }
    }
}
