package org.duban.reminder.channel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Figures for docs/benchmarks.md: a run whose digests make 10,000 robot messages — 1,000 units with ten
 * robots each (WeCom, DingTalk signed, Feishu signed), one digest of three reminders per unit — against
 * platforms that answer in 50 ms. Measures queueing (in the dispatch) and sending until the last is
 * accepted. Run with {@code -Dduban.bench=channels}.
 */
@QuarkusTest
@TestProfile(ChannelTestProfile.class)
@EnabledIfSystemProperty(named = "duban.bench", matches = "channels")
class ChannelThroughputBench extends ChannelScenario {

    static final int UNITS = 1000;
    static final int ROBOTS_PER_UNIT = 10;

    @Inject
    EntityManager em;

    @Test
    void tenThousandRobotMessagesToPlatformsAnswering50ms() {
        String prefix = "bench-" + Long.toHexString(System.nanoTime());
        List<String> tokens = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int u = 0; u < UNITS; u++) {
                String unit = prefix + "-" + u;
                for (int r = 0; r < ROBOTS_PER_UNIT; r++) {
                    String token = prefix + "u" + u + "r" + r;
                    tokens.add(token);
                    String type = switch (r % 3) {
                        case 0 -> "WECOM";
                        case 1 -> "DINGTALK";
                        default -> "FEISHU";
                    };
                    String target = switch (type) {
                        case "WECOM" -> platforms.wecomUrl(token);
                        case "DINGTALK" -> platforms.dingtalkUrl(token);
                        default -> platforms.feishuUrl(token);
                    };
                    String secret = type.equals("WECOM") ? null : "SEC" + token;
                    if (secret != null) {
                        platforms.signed(token, secret);
                    }
                    em.createNativeQuery("INSERT INTO channel (unit_code, type, target, secret, created_at, created_by) "
                                    + "VALUES (?1, ?2, ?3, ?4, now(), 'bench')")
                            .setParameter(1, unit).setParameter(2, type).setParameter(3, target).setParameter(4, secret)
                            .executeUpdate();
                }
            }
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO notification (unit_code, assignment_id, plan_id, task_number, kind, occasion, due_date,
                                                  title, body, created_at)
                        SELECT ?1 || '-' || u, 900000000 + u * 3 + k, 1, 39, 'OVERDUE', ?2, ?2,
                               '第39项任务已逾期（第' || k || '条）', '推进政务公开标准化规范化建设，请按期办结并报送进展。', now()
                        FROM generate_series(0, ?3 - 1) u, generate_series(1, 3) k""")
                .setParameter(1, prefix).setParameter(2, LocalDate.now(ZoneId.of("Asia/Shanghai")))
                .setParameter(3, UNITS).executeUpdate());
        platforms.delay(50);
        try {
            long started = System.nanoTime();
            dispatcher.dispatchPending(); // the scheduled leftover dispatch may take some of the units meanwhile
            long queuedMs = (System.nanoTime() - started) / 1_000_000;
            long acceptedWhileQueueing = platforms.acceptedBy(tokens);
            long sendingFrom = System.nanoTime();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> platforms.acceptedBy(tokens) == tokens.size());
            long totalMs = (System.nanoTime() - started) / 1_000_000;
            long afterQueueingMs = (System.nanoTime() - sendingFrom) / 1_000_000;
            long messages = tokens.stream().mapToLong(t -> platforms.received(t).size()).sum();
            System.out.printf("BENCH channels: %d units' digests → %d robot messages (%d robots) to platforms answering in 50 ms: "
                            + "queued in %d ms (%d already accepted by then); the other %d accepted %d ms later (%.0f messages/s); "
                            + "all accepted after %d ms (%.0f messages/s overall)%n", UNITS, messages, tokens.size(), queuedMs,
                    acceptedWhileQueueing, tokens.size() - acceptedWhileQueueing, afterQueueingMs,
                    (tokens.size() - acceptedWhileQueueing) * 1000.0 / Math.max(1, afterQueueingMs), totalMs,
                    tokens.size() * 1000.0 / totalMs);
            assertEquals(tokens.size(), messages, "each robot got its digest exactly once");
        } finally {
            platforms.delay(0);
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DELETE FROM channel WHERE unit_code LIKE ?1").setParameter(1, prefix + "-%").executeUpdate();
                em.createNativeQuery("DELETE FROM notification WHERE unit_code LIKE ?1").setParameter(1, prefix + "-%").executeUpdate();
            });
        }
    }
}
