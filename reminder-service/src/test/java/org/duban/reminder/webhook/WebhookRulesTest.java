package org.duban.reminder.webhook;

import org.duban.reminder.delivery.RetryPolicy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which subscription wants which message; when a failed delivery is retried and a subscription given up. */
class WebhookRulesTest {

    @ParameterizedTest(name = "subscribed to [{0}], message {1} with kinds [{2}] → {3}")
    @CsvSource(delimiter = '|', value = {
            "                                  | duban.notification.sent | OVERDUE           | true",
            "*                                 | duban.notification.sent | OVERDUE           | true",
            "OVERDUE                           | duban.notification.sent | OVERDUE           | true",
            "OVERDUE                           | duban.notification.sent | DUE_SOON          | false",
            "ESCALATION,OVERDUE                | duban.notification.sent | DUE_SOON,OVERDUE  | true",
            "duban.notification.sent           | duban.notification.sent | DUE_TODAY         | true",
            "duban.notification.sent           | duban.other             | DUE_TODAY         | false",
            "PROGRESS_REPORT_DUE               | duban.notification.sent |                   | false",
            "DUE_SOON                          | duban.notification.sent |                   | false",
            "MILESTONE_DUE,MILESTONE_OVERDUE   | duban.notification.sent | OVERDUE,MILESTONE_DUE | true",
            "ACKNOWLEDGE_DUE                   | duban.notification.sent | MILESTONE_DUE     | false",
    })
    void matching(String subscribed, String eventType, String kinds, boolean wanted) {
        assertEquals(wanted, WebhookEvents.matches(list(subscribed), Set.copyOf(list(kinds)), eventType));
    }

    @Test
    void theDefaultScheduleIsStandardWebhooks() {
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), 8, Duration.ofHours(24));
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(8, policy.maxAttempts());
        assertEquals(t.plusSeconds(5), policy.nextAttempt(1, t).orElseThrow());
        assertEquals(t.plus(Duration.ofMinutes(5)), policy.nextAttempt(2, t).orElseThrow());
        assertEquals(t.plus(Duration.ofHours(10)), policy.nextAttempt(7, t).orElseThrow());
        assertTrue(policy.nextAttempt(8, t).isEmpty(), "after the 8th attempt the delivery is FAILED");

        Instant afterAllOfThem = t.plus(Duration.ofHours(27).plusMinutes(35).plusSeconds(5));
        assertTrue(policy.shouldDisable(8, t, afterAllOfThem));
        assertFalse(policy.shouldDisable(7, t, afterAllOfThem), "fewer failures than the threshold");
        assertFalse(policy.shouldDisable(50, t, t.plus(Duration.ofHours(23))), "many failures, but for less than a day");
        assertFalse(policy.shouldDisable(8, null, afterAllOfThem), "never failed since the last success");
    }

    private static List<String> list(String csv) {
        return csv == null ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
