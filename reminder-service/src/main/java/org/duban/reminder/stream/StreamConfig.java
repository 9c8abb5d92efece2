package org.duban.reminder.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The live inbox ({@code GET /api/notifications/stream}). */
@ConfigMapping(prefix = "duban.stream")
public interface StreamConfig {

    /** A comment line this often keeps proxies and browsers from closing a quiet stream. */
    @WithDefault("15s")
    Duration heartbeat();

    /** A reconnect replays at most this many notifications; beyond that the client is told to reload its inbox. */
    @WithDefault("500")
    int replayLimit();

    /** How often new notifications are looked for without a NOTIFY (one lost with a dropped connection, say). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Events a slow client may leave unwritten before it is disconnected (it reconnects and replays). */
    @WithDefault("1000")
    int maxPending();
}
