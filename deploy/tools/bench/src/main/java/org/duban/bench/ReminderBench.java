package org.duban.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * reminder-service's rules engine at scale: synthetic assignments written straight into its copy
 * (ids from 9,000,000,001 up, 5 plans, the registry's units, due dates spread evenly over 2026–2027),
 * then {@code POST /api/reminders/run} as of 2026-12-01 09:00 Asia/Shanghai — the daily run after a
 * completed one, a first run (a week of catch-up) and a re-run that finds everything sent.
 */
final class ReminderBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final long FIRST_ID = 9_000_000_000L;
    static final String AT = "2026-12-01T09:00:00+08:00";

    private ReminderBench() {
    }

    record Figure(String scenario, long assignments, long open, long evaluated, long sent, long notifications, long digests,
                  double seconds) {
        String row() {
            return String.format("| %s | %,d | %,d | %,d | %,d | %,d | %,d | %.2f | %,.0f |", scenario, assignments, open, evaluated,
                    sent, notifications, digests, seconds, seconds > 0 ? notifications / seconds : 0);
        }
    }

    static void run(List<Integer> sizes) throws Exception {
        String service = System.getProperty("reminderService", "http://localhost:8083");
        String db = System.getProperty("reminderDb", "jdbc:postgresql://localhost:5432/duban_reminder");
        Bench.Tokens office = new Bench.Tokens("office");
        System.out.println("## Reminder runs (as of " + AT + ")");
        System.out.println();
        System.out.println("| scenario | assignments | open | owed | sent | inbox entries | digests | seconds | inbox entries/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        try (Connection c = DriverManager.getConnection(db, System.getProperty("dbUser", "postgres"), System.getProperty("dbPassword", ""))) {
            for (int size : sizes) {
                seed(c, size, 1);
                System.out.println(daily(c, service, office, "daily run, all open", size, size).row());
                System.out.println(rerun(service, office, "the same run again", size, size).row());
                if (Boolean.parseBoolean(System.getProperty("first", "true"))) {
                    System.out.println(first(c, service, office, "first run (a week of catch-up)", size, size).row());
                }
            }
            int largest = sizes.get(sizes.size() - 1);
            for (int openEvery : new int[] {10, 100}) {
                seed(c, largest, openEvery);
                System.out.println(daily(c, service, office, "daily run, 1 in " + openEvery + " open", largest,
                        largest / openEvery).row());
            }
            clean(c);
        }
    }

    static Figure daily(Connection c, String service, Bench.Tokens office, String name, long size, long open) throws Exception {
        forget(c);
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO reminder_watermark (policy_key, sent_through) VALUES ('default', DATE '2026-11-30') "
                    + "ON CONFLICT (policy_key) DO UPDATE SET sent_through = EXCLUDED.sent_through");
        }
        return call(service, office, name, size, open);
    }

    static Figure first(Connection c, String service, Bench.Tokens office, String name, long size, long open) throws Exception {
        forget(c);
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM reminder_watermark WHERE policy_key = 'default'");
        }
        return call(service, office, name, size, open);
    }

    static Figure rerun(String service, Bench.Tokens office, String name, long size, long open) throws Exception {
        return call(service, office, name, size, open);
    }

    private static Figure call(String service, Bench.Tokens office, String name, long size, long open) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> answer = Bench.post(service + "/api/reminders/run?at=" + URLEncoder.encode(AT, StandardCharsets.UTF_8),
                office.get(), null, java.time.Duration.ofMinutes(15));
        double seconds = (System.nanoTime() - t) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("run failed: " + answer.statusCode() + " " + answer.body());
        }
        JsonNode r = JSON.readTree(answer.body());
        return new Figure(name, size, open, r.get("evaluated").asLong(), r.get("sent").asLong(), r.get("notifications").asLong(),
                r.get("digests").asLong(), seconds);
    }

    /** Makes the synthetic assignments {@code size} strong, one in {@code openEvery} open (the rest COMPLETED). */
    static void seed(Connection c, int size, int openEvery) throws SQLException {
        clean(c);
        long t = System.nanoTime();
        try (PreparedStatement s = c.prepareStatement("""
                WITH units AS (SELECT code, name, row_number() OVER (ORDER BY code) - 1 AS rn, count(*) OVER () AS n
                               FROM unit_contact WHERE active AND (code LIKE 'gov-%' OR code LIKE 'ah-%'))
                INSERT INTO assignment_copy (id, plan_id, task_id, task_number, task_requirement, unit_code, unit_name, role,
                    due_date, status, active, last_progress_at, anchor_date, version, updated_at)
                SELECT ? + g, 990000 + g % 5, 990000 + g % 220, g % 44 + 1,
                       '基准测试：认真分析研究评估指出的问题，开展全面排查和整改提升', u.code, u.name,
                       CASE WHEN g <= 220 THEN 'LEAD' ELSE 'RESPONSIBLE' END,
                       DATE '2026-01-01' + (g % 730)::int, CASE WHEN g % ? = 0 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END,
                       true, NULL, DATE '2025-12-01', 0, now()
                FROM generate_series(1, ?) g JOIN units u ON u.rn = g % u.n""")) {
            s.setLong(1, FIRST_ID);
            s.setInt(2, openEvery);
            s.setInt(3, size);
            s.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE assignment_copy");
        }
        System.err.printf("seeded %,d synthetic assignments (1 in %d open) in %.1f s%n", size, openEvery, (System.nanoTime() - t) / 1e9);
    }

    /** Forgets what was sent to the synthetic assignments, so a run sends it again. */
    static void forget(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM notification WHERE assignment_id > " + FIRST_ID);
            s.execute("DELETE FROM reminder WHERE assignment_id > " + FIRST_ID);
            s.execute("VACUUM ANALYZE notification");
            s.execute("VACUUM ANALYZE reminder");
        }
    }

    static void clean(Connection c) throws SQLException {
        forget(c);
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM assignment_copy WHERE id > " + FIRST_ID);
            s.execute("DELETE FROM reminder_watermark WHERE policy_key = 'default'");
        }
    }
}
