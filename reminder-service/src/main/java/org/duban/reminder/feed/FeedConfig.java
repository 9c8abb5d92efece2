package org.duban.reminder.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** The units' calendar feeds. */
@ConfigMapping(prefix = "duban.feeds")
public interface FeedConfig {

    /** Where calendar apps fetch the feeds: the gateway's address as users reach it, e.g. {@code https://duban.example.gov.cn}. */
    URI publicUrl();

    /** The console (督办台) the events link to: {@code <console-url>/assignments/<id>}. */
    URI consoleUrl();

    /** How often calendar apps are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    @WithDefault("PT1H")
    Duration refreshInterval();
}
