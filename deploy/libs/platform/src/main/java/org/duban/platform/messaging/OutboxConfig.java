package org.duban.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "duban.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of what this service publishes. */
    @WithDefault("/duban/${quarkus.application.name}")
    String source();

    Relay relay();

    interface Relay {
        /** Off only for tools that share the database but must not publish. */
        @WithDefault("true")
        boolean enabled();

        /** Events sent per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for a NOTIFY before looking anyway. */
        @WithDefault("1s")
        Duration idlePoll();

        /** How long one batch may wait for the broker's acknowledgements. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** First pause after a failure; doubles up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration minBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Published rows older than this are deleted. */
        @WithDefault("7d")
        Duration retention();
    }
}
