package org.duban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.duban.unit.registry.SeedData;
import org.duban.unit.resolve.ResponsibilityParser;
import org.duban.unit.resolve.UnitDirectory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Duban's benchmarks, run against the local stack ({@code ./duban up}) on the machine at hand:
 * {@code ./duban bench resolver | units}. Figures go to standard output as Markdown tables.
 */
public final class Bench {

    static final String LONGEST_TEXT = "省发展改革委、省科技厅、省经济和信息化厅、省公安厅、省财政厅、省人力资源社会保障厅、省住房城乡建设厅、"
            + "省交通运输厅、省农业农村厅、省商务厅、省文化和旅游厅、省卫生健康委、省国资委、省市场监管局、省管局、"
            + "省地方金融监管局、省能源局、省税务局等省有关单位，各市、县（市、区）政府负责落实";

    private static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "help";
        run(what);
        if (Failures.count() > 0) {
            System.out.flush();
            System.err.printf("%n!!!! BENCHMARK %s HAD %,d ERRORS: its figures are not valid.%n!!!! The first: %s%n", what,
                    Failures.count(), Failures.first());
            System.exit(2);
        }
    }

    private static void run(String what) throws Exception {
        switch (what) {
            case "resolver" -> resolver();
            case "assignments" -> AssignmentBench.run(Integer.getInteger("assignments", 200_000), Integer.getInteger("concurrency", 4),
                    Duration.ofSeconds(Integer.getInteger("warmup", 10)), Duration.ofSeconds(Integer.getInteger("seconds", 20)));
            case "reminders" -> ReminderBench.run(java.util.Arrays.stream(System.getProperty("sizes", "10000,100000,1000000")
                    .split(",")).map(String::trim).map(Integer::valueOf).toList());
            case "grow" -> AssignmentBench.grow(System.getProperty("taskService", "http://localhost:8081"), new Tokens("office"),
                    Integer.getInteger("assignments", 200_000));
            // 30 s of warm-up: `up` leaves freshly started JVMs, and with 10 s the first round measured the compilers (0.17)
            case "list-sql" -> ListSqlBench.run(Integer.getInteger("concurrency", 4), Duration.ofSeconds(Integer.getInteger("warmup", 30)),
                    Duration.ofSeconds(Integer.getInteger("seconds", 15)), Integer.getInteger("runs", 3));
            case "events" -> EventBench.run(java.util.Arrays.stream(System.getProperty("rates", "100,500").split(","))
                    .map(String::trim).map(Integer::valueOf).toList(), Integer.getInteger("seconds", 5), Integer.getInteger("runs", 3));
            case "units" -> units(Integer.getInteger("units", 10_000), Integer.getInteger("concurrency", 4),
                    Duration.ofSeconds(Integer.getInteger("warmup", 10)), Duration.ofSeconds(Integer.getInteger("seconds", 20)));
            case "gateway" -> GatewayBench.run(Integer.getInteger("concurrency", 1),
                    Duration.ofSeconds(Integer.getInteger("warmup", 10)), Duration.ofSeconds(Integer.getInteger("seconds", 20)));
            default -> System.out.println("usage: Bench resolver | units | assignments | list-sql | events | reminders | gateway  (-Dunits=10000 -Dassignments=200000 -Dconcurrency=4 -Dseconds=20)");
        }
    }

    /** The resolver in-process, one thread: every call timed on its own. */
    static void resolver() {
        ResponsibilityParser parser = new ResponsibilityParser(UnitDirectory.of(SeedData.units(), SeedData.groups()));
        int warmup = 200_000;
        int measured = 1_000_000;
        for (int i = 0; i < warmup; i++) {
            parser.resolve(LONGEST_TEXT);
        }
        Histogram histogram = new Histogram(1_000_000_000L, 3);
        long started = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            long t = System.nanoTime();
            parser.resolve(LONGEST_TEXT);
            histogram.recordValue(System.nanoTime() - t);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("## Resolver, in-process (longest text of the 2022 plan, " + LONGEST_TEXT.length() + " characters)");
        System.out.printf("%d calls after %d warm-up calls, one thread: %.0f calls/s%n%n", measured, warmup, measured / seconds);
        System.out.println("| p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| %.1f | %.1f | %.1f | %.1f | %.1f |%n", histogram.getValueAtPercentile(50) / 1e3,
                histogram.getValueAtPercentile(90) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
                histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
    }

    /** unit-service over HTTP with the registry grown to {@code size} units. */
    /** A token that is renewed a minute before it expires, shared by the workers. */
    static final class Tokens {
        private final String user;
        private String token;
        private long renewAt;

        Tokens() {
            this(System.getProperty("user", "office"));
        }

        Tokens(String user) {
            this.user = user;
        }

        synchronized String get() throws Exception {
            if (token == null || System.nanoTime() > renewAt) {
                token = token(user, user);
                renewAt = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            }
            return token;
        }
    }

    static void units(int size, int concurrency, Duration warmup, Duration measure) throws Exception {
        String service = System.getProperty("unitService", "http://localhost:8082");
        String gateway = System.getProperty("gateway", "http://localhost:8080");
        String token = token();
        int existing = JSON.readTree(get(service + "/api/units?size=1", token).body()).get("total").asInt();
        if (existing < size) {
            seedUnits(service, token, size - existing);
        }
        int total = JSON.readTree(get(service + "/api/units?size=1", token).body()).get("total").asInt();
        System.out.printf("## unit-service with %d units (%d workers, %s warm-up, %s measured)%n%n", total, concurrency, warmup, measure);
        System.out.println(LoadRun.Result.header());
        List<LoadRun.Scenario> scenarios = new ArrayList<>();
        Tokens tokens = new Tokens();
        for (String base : List.of(service, gateway)) {
            String via = base.equals(service) ? "direct" : "gateway";
            scenarios.add(new LoadRun.Scenario("list page (size 50), " + via, w -> i ->
                    ok(get(base + "/api/units?size=50&page=" + ((i * 7 + w) % 200), tokens.get()))));
            scenarios.add(new LoadRun.Scenario("search q=3 digits, " + via, w -> i ->
                    ok(get(base + "/api/units?q=" + encode("基准测试单位0" + String.format("%03d",
                            ThreadLocalRandom.current().nextInt(1000))), tokens.get()))));
            scenarios.add(new LoadRun.Scenario("filter level+type+parent, " + via, w -> i ->
                    ok(get(base + "/api/units?level=COUNTY&type=GOVERNMENT&parent=gov-340100", tokens.get()))));
            scenarios.add(new LoadRun.Scenario("get one by code, " + via, w -> i ->
                    ok(get(base + "/api/units/gov-3401" + (i % 2 == 0 ? "00" : "23"), tokens.get()))));
            scenarios.add(new LoadRun.Scenario("resolve longest text, " + via, w -> i ->
                    ok(post(base + "/api/units/resolve", tokens.get(), JSON.writeValueAsString(Map.of("text", LONGEST_TEXT))))));
        }
        List<LoadRun.Result> results = LoadRun.runAll(scenarios, concurrency, warmup, measure);
        results.forEach(r -> System.out.println(r.row()));
    }

    private static void seedUnits(String service, String token, int count) throws Exception {
        StringBuilder csv = new StringBuilder("code,name,shortName,aliases,level,type,parentCode\n");
        List<String> cities = List.of("340100", "340200", "340300", "340400", "340500", "340600", "340700", "340800",
                "341000", "341100", "341200", "341300", "341500", "341600", "341700", "341800");
        int start = ThreadLocalRandom.current().nextInt(1, 1000) * 100_000;
        for (int i = 0; i < count; i++) {
            String n = String.format("%05d", i);
            csv.append("bench-").append(start + i).append(",基准测试单位").append(n).append(start)
                    .append(",基准").append(n).append(start).append(",测").append(n).append(start)
                    .append(",COUNTY,DEPARTMENT,gov-").append(cities.get(i % cities.size())).append('\n');
        }
        long t = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service + "/api/units/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("seeding failed: " + answer.statusCode() + " " + answer.body());
        }
        System.out.printf("Imported %d synthetic units in %.1f s (one CSV import)%n%n", count, (System.nanoTime() - t) / 1e9);
    }

    static String token() throws Exception {
        return token(System.getProperty("user", "office"), System.getProperty("password", "office"));
    }

    static String token(String user, String password) throws Exception {
        String keycloak = System.getProperty("keycloak", "http://localhost:8180");
        String form = "grant_type=password&client_id=duban-web&username=" + user + "&password=" + password;
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/duban/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(answer.body());
        if (!json.has("access_token")) {
            throw new IllegalStateException("no token from Keycloak: " + answer.body());
        }
        return json.get("access_token").asText();
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String token, String json) throws Exception {
        return post(url, token, json, Duration.ofSeconds(30));
    }

    static HttpResponse<String> post(String url, String token, String json, Duration timeout) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(timeout)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the answer is 200; anything else is recorded as an error of the run. */
    static boolean ok(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            return true;
        }
        Failures.record(response);
        return false;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
