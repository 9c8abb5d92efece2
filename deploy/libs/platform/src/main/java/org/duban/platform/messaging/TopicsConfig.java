package org.duban.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;

/** The topics a service publishes to, created on start when missing. */
@ConfigMapping(prefix = "duban.kafka")
public interface TopicsConfig {

    /** By a short name: {@code duban.kafka.topics.units.name=duban.units}. */
    Map<String, Topic> topics();

    /** 1 for one broker; 3 on a production cluster. */
    @WithDefault("1")
    short replicationFactor();

    interface Topic {
        String name();

        /** Events of one key stay in one partition, so in order. */
        @WithDefault("6")
        int partitions();

        /** Keep only the latest event per key (a table as a topic, e.g. duban.units). */
        @WithDefault("false")
        boolean compacted();
    }
}
