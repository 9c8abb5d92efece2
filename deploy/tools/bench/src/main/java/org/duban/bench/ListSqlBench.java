package org.duban.bench;

import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code GET /api/assignments?unit=…&overdue=true} through the gateway, direct to task-service and as
 * the same two SQL statements (the page and the count Hibernate issues) through pgbench on the same
 * database, side by side: same concurrency, same units (one picked at random per request or
 * transaction), several rounds interleaved so that the three see the same machine.
 */
final class ListSqlBench {

    /** The units asked for: the six city governments with the most assignments in the sample plan. */
    static final List<String> UNITS = List.of("gov-340100", "gov-340200", "gov-340300", "gov-340400", "gov-340500", "gov-340600");

    private ListSqlBench() {
    }

    /** One measured run: {@code percentile} gives milliseconds for a percentile (50, 90, 99, 100 = max). */
    record Row(String name, int round, long requests, double seconds, java.util.function.DoubleUnaryOperator percentile) {
        static Row of(String name, int round, long requests, double seconds, Histogram latency) {
            return new Row(name, round, requests, seconds,
                    p -> (p >= 100 ? latency.getMaxValue() : latency.getValueAtPercentile(p)) / 1e6);
        }

        double throughput() {
            return requests / seconds;
        }

        double p(double percentile) {
            return this.percentile.applyAsDouble(percentile);
        }
    }

    static List<Row> run(int concurrency, Duration warmup, Duration measure, int rounds) throws Exception {
        String service = System.getProperty("taskService", "http://localhost:8081");
        String gateway = System.getProperty("gateway", "http://localhost:8080");
        Bench.Tokens office = new Bench.Tokens("office");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Path dir = Files.createTempDirectory("duban-pgbench");
        List<String> scripts = new ArrayList<>();
        for (int i = 0; i < UNITS.size(); i++) {
            Path script = dir.resolve(UNITS.get(i) + ".sql");
            Files.writeString(script, sql("u" + i));
            scripts.add(script.toString());
        }
        List<String> variables = new ArrayList<>(List.of("today=" + today, "completed=COMPLETED", "offset=0", "size=50"));
        for (int i = 0; i < UNITS.size(); i++) {
            variables.add("u" + i + "=" + UNITS.get(i));
        }
        // Recent writes (imports, progress reports) leave the visibility map unset, and every
        // index-only scan then visits the heap: vacuum first, so both paths read a settled table.
        String db = System.getProperty("taskDbUrl", "jdbc:postgresql://localhost:5432/duban_task");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db, System.getProperty("dbUser", "postgres"),
                System.getProperty("dbPassword", "")); java.sql.Statement st = c.createStatement()) {
            st.execute("VACUUM ANALYZE assignment");
        }
        LoadRun.Scenario direct = scenario("direct", service, office);
        LoadRun.Scenario viaGateway = scenario("gateway", gateway, office);
        // The HTTP load comes from wrk when it is there (-Dwrk=path; -Dclient=java for the JDK's client): a C client
        // like pgbench on the SQL side (and wrk on Redmine's, bench peer). The JDK client spends about as much CPU per
        // request as the gateway, on the same two cores.
        Path wrk = "java".equals(System.getProperty("client")) ? null
                : java.util.Optional.of(Path.of(System.getProperty("wrk", "/usr/bin/wrk"))).filter(Files::isExecutable).orElse(null);
        System.out.printf("HTTP load from %s%n", wrk == null ? "the JDK's HttpClient (LoadRun)" : wrk);
        // warm: every path once, unmeasured
        pgbench(scripts, variables, concurrency, warmup, dir.resolve("warm"));
        LoadRun.run("warm", concurrency, Duration.ZERO, warmup, direct.perWorker());
        LoadRun.run("warm", concurrency, Duration.ZERO, warmup, viaGateway.perWorker());
        List<Row> rows = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            rows.add(pgbench(scripts, variables, concurrency, measure, dir.resolve("round" + round)).withRound(round));
            for (LoadRun.Scenario s : List.of(direct, viaGateway)) {
                if (wrk != null) {
                    rows.add(wrk(wrk, s.name(), s.name().equals(direct.name()) ? service : gateway, office, concurrency, measure, round));
                    continue;
                }
                LoadRun.Result r = LoadRun.run(s.name(), concurrency, Duration.ofSeconds(1), measure, s.perWorker());
                if (r.errors() > 0) {
                    System.out.printf("(%s: %d errors)%n", s.name(), r.errors());
                }
                rows.add(Row.of(s.name(), round, r.requests(), r.seconds(), r.latency()));
            }
            System.out.printf("round %d done%n", round);
        }
        print(rows, concurrency, measure, today);
        return rows;
    }

    private static LoadRun.Scenario scenario(String via, String base, Bench.Tokens office) {
        String name = "HTTP, " + via;
        return new LoadRun.Scenario(name, w -> i -> Bench.ok(Bench.get(base + "/api/assignments?overdue=true&size=50&unit="
                + UNITS.get(ThreadLocalRandom.current().nextInt(UNITS.size())), office.get())));
    }

    /** The columns of an assignment, as Hibernate selects them. */
    private static final String COLUMNS = "a1_0.id,a1_0.acknowledged_at,a1_0.acknowledged_by,a1_0.child_count,"
            + "a1_0.children_completed,a1_0.created_at,a1_0.created_by,a1_0.delegated_by,a1_0.depth,a1_0.due_date,"
            + "a1_0.group_code,a1_0.last_progress_at,a1_0.parent_id,a1_0.plan_id,a1_0.progress_percent,a1_0.qualifier,"
            + "a1_0.review_needed,a1_0.review_reason,a1_0.role,a1_0.status,a1_0.superseded,a1_0.supervisors,a1_0.task_id,"
            + "a1_0.task_number,a1_0.unit_code,a1_0.unit_name,a1_0.updated_at,a1_0.version";

    /**
     * The statements Hibernate sends for the list (AssignmentQueries.list, as its SQL log shows them: the page with
     * the default order, then the count of the same condition), with the same bound parameters: pgbench -M prepared
     * sends each :variable as a parameter, so the server plans them as it plans the service's statements — literals
     * would let it plan once for one fixed value. {@code -DlistSql=window}: the one statement with
     * {@code count(*) over ()} that was measured as a lever and left (docs/benchmarks.md, issue 20).
     */
    static String sql(String unitVariable) {
        String where = "a1_0.superseded=false and a1_0.unit_code=:" + unitVariable + " and a1_0.due_date<:today and a1_0.status<>:completed";
        String order = " order by a1_0.due_date,a1_0.task_number,a1_0.id offset :offset rows fetch first :size rows only;\n";
        if ("window".equals(System.getProperty("listSql", "two"))) {
            return "select " + COLUMNS + ",count(*) over() from assignment a1_0 where " + where + order;
        }
        return "select " + COLUMNS + " from assignment a1_0 where " + where + order
                + "select count(*) from assignment a1_0 where " + where + ";\n";
    }

    private record PgRow(long requests, double seconds, Histogram latency) {
        Row withRound(int round) {
            return Row.of("SQL, pgbench", round, requests, seconds, latency);
        }
    }

    /**
     * The list through wrk: {@code concurrency} connections, each unit of {@link #UNITS} at random per request, one
     * token (fresh for the run). Its Lua {@code done} prints the figures; a non-2xx answer or a socket error fails the run.
     */
    private static Row wrk(Path wrk, String name, String base, Bench.Tokens office, int concurrency, Duration length, int round)
            throws Exception {
        Path script = Files.createTempFile("duban-list", ".lua");
        StringBuilder units = new StringBuilder();
        for (String u : UNITS) {
            units.append(units.isEmpty() ? "" : ", ").append('"').append(u).append('"');
        }
        Files.writeString(script, """
                local units = {%s}
                local threads = 0
                setup = function(thread) threads = threads + 1; thread:set("id", threads) end
                init = function(args) math.randomseed(os.time() * 100 + id) end
                request = function()
                  return wrk.format("GET", "/api/assignments?overdue=true&size=50&unit=" .. units[math.random(#units)])
                end
                done = function(summary, latency, requests)
                  local e = summary.errors
                  io.write(string.format("DUBAN %%d %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
                    e.connect + e.read + e.write + e.status + e.timeout))
                end
                """.formatted(units));
        List<String> cmd = List.of(wrk.toString(), "-t", String.valueOf(Math.min(concurrency, 2)), "-c", String.valueOf(concurrency),
                "-d", Math.max(1, length.toSeconds()) + "s", "--timeout", "10s", "-s", script.toString(),
                "-H", "Authorization: Bearer " + office.get(), base);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        Files.deleteIfExists(script);
        Matcher m = Pattern.compile("DUBAN (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(out);
        if (p.waitFor() != 0 || !m.find()) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        long errors = Long.parseLong(m.group(7));
        if (errors > 0) {
            Failures.record(name + ": " + errors + " of " + m.group(1) + " requests failed or were not 2xx (wrk)");
        }
        double[] us = {Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6))};
        return new Row(name, round, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6,
                q -> (q >= 100 ? us[3] : q >= 99 ? us[2] : q >= 90 ? us[1] : us[0]) / 1000.0);
    }

    private static PgRow pgbench(List<String> scripts, List<String> variables, int concurrency, Duration length, Path logDir) throws Exception {
        Files.createDirectories(logDir);
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("pgbench", "/usr/bin/pgbench"),
                "-h", "127.0.0.1", "-p", "5432", "-U", System.getProperty("dbUser", "postgres"), "-n", "-M", "prepared",
                "-c", String.valueOf(concurrency), "-j", String.valueOf(Math.min(concurrency, 2)),
                "-T", String.valueOf(Math.max(1, length.toSeconds())), "--log", "--log-prefix=" + logDir.resolve("pgbench")));
        for (String variable : variables) {
            cmd.add("-D");
            cmd.add(variable);
        }
        for (String script : scripts) {
            cmd.add("-f");
            cmd.add(script);
        }
        cmd.add(System.getProperty("taskDb", "duban_task"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + out);
        }
        Matcher tps = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(out);
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long count = 0;
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("pgbench")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] parts = line.split(" ");
                    h.recordValue(Long.parseLong(parts[2]) * 1000L); // µs → ns
                    count++;
                }
            }
        }
        if (tps.find() && Long.parseLong(tps.group(1)) != count) {
            System.out.printf("(pgbench reported %s transactions, its log %d)%n", tps.group(1), count);
        }
        return new PgRow(count, length.toSeconds(), h);
    }

    static void print(List<Row> rows, int concurrency, Duration measure, LocalDate today) {
        System.out.printf("%n## Unit + overdue list: gateway, direct, raw SQL (%d clients, %d s per run, today %s)%n%n",
                concurrency, measure.toSeconds(), today);
        System.out.println("| path | run | requests | req/s (SQL: tps) | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf("| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", r.name(), r.round(), r.requests(),
                    r.throughput(), r.p(50), r.p(90), r.p(99), r.p(100));
        }
        System.out.println();
        System.out.println("| path (median of runs) | req/s | p50 ms | p99 ms | throughput ÷ SQL |");
        System.out.println("|---|---|---|---|---|");
        double sql = median(rows, "SQL, pgbench", Row::throughput);
        for (String name : List.of("SQL, pgbench", "HTTP, direct", "HTTP, gateway")) {
            double t = median(rows, name, Row::throughput);
            System.out.printf("| %s | %.0f | %.2f | %.2f | %.2f |%n", name, t, median(rows, name, r -> r.p(50)),
                    median(rows, name, r -> r.p(99)), t / sql);
        }
    }

    static double median(List<Row> rows, String name, java.util.function.ToDoubleFunction<Row> f) {
        double[] v = rows.stream().filter(r -> r.name().equals(name)).mapToDouble(f).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
