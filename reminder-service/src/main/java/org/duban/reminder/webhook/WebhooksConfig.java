package org.duban.reminder.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** {@code duban.webhooks.*}: how deliveries are sent, retried and given up. */
@ConfigMapping(prefix = "duban.webhooks")
public interface WebhooksConfig {

    /** How often the worker looks for due deliveries (it is also woken right after an enqueue commits). */
    @WithDefault("5s")
    Duration pollInterval();

    /** Longest wait for a receiver's whole answer; a slower one counts as a failed attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** Longest wait for a connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Pause after the 1st, 2nd … failed attempt (Standard Webhooks' schedule); then the delivery is FAILED. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Attempts in flight at once, in this replica. */
    @WithDefault("16")
    int maxConcurrency();

    /** Attempts in flight at once for one subscription, in this replica: a slow receiver takes no more slots than this. */
    @WithDefault("2")
    int perSubscriptionConcurrency();

    /** How long a claimed delivery is reserved for its worker; after that (a crashed worker) it is due again. Longer than timeout. */
    @WithDefault("2m")
    Duration lease();

    /** A subscription is disabled when this many attempts in a row failed … */
    @WithDefault("8")
    int disableAfterFailures();

    /** … and nothing has succeeded for this long. */
    @WithDefault("24h")
    Duration disableAfter();

    /** Finished (DELIVERED or FAILED) deliveries older than this are deleted, with their attempt log. */
    @WithDefault("30d")
    Duration retention();

    Worker worker();

    interface Worker {
        /** Off for tools that share the database but must not send. */
        @WithDefault("true")
        boolean enabled();
    }
}
