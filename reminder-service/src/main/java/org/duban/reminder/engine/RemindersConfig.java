package org.duban.reminder.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "duban.reminders")
public interface RemindersConfig {

    /** When the scheduler evaluates the rules (Quartz-style cron; {@code off} disables it). */
    @WithDefault("0 0/15 * * * ?")
    String schedule();

    /**
     * How many days back a run looks for occasions it has not sent yet (after an outage or for work
     * created late). Each assignment still gets only the latest occasion of each rule.
     */
    @WithDefault("7")
    int catchUpDays();

    /** The supervising office's unit code: escalations reach it too. */
    @WithDefault("ah-zwgkb")
    String officeUnit();

    /** Reminders recorded per transaction during a run. */
    @WithDefault("2000")
    int chunkSize();

    /**
     * The most notifications one digest message carries; a unit owed more in one run gets its digest
     * in parts (Kafka's and most mail servers' message size limits).
     */
    @WithDefault("200")
    int digestMaxItems();

    /** How often digests left undispatched (a crash between run and dispatch) are looked for. */
    @WithDefault("60s")
    Duration dispatchInterval();

    /**
     * How long a run waits for the replica to apply everything published on its topics before the run
     * was called; past it the run sends nothing (the API answers 503 with the lag).
     */
    @WithDefault("30s")
    Duration replicaWait();
}
