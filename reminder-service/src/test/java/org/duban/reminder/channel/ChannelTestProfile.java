package org.duban.reminder.channel;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.duban.reminder.webhook.MutableClock;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Channel tests: robots on the local platforms (127.0.0.1 over http), SMS through the local Alibaba Cloud,
 * quick retries, three failures in a row disable, a clock tests can move. Shared by every channel test
 * class, so Quarkus starts once for them.
 */
public class ChannelTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("duban.channels.wecom.hosts", "127.0.0.1"),
                Map.entry("duban.channels.wecom.allow-http", "true"),
                Map.entry("duban.channels.dingtalk.hosts", "127.0.0.1"),
                Map.entry("duban.channels.dingtalk.allow-http", "true"),
                Map.entry("duban.channels.feishu.hosts", "127.0.0.1"),
                Map.entry("duban.channels.feishu.allow-http", "true"),
                Map.entry("duban.channels.sms.sign-name", "安徽省政务公开办"),
                Map.entry("duban.channels.sms.template-code", "SMS_460785123"),
                Map.entry("duban.channels.retry-schedule", "300ms,300ms,300ms,300ms,300ms"),
                Map.entry("duban.channels.disable-after-failures", "3"),
                Map.entry("duban.channels.timeout", "2s"),
                Map.entry("duban.channels.connect-timeout", "1s"),
                Map.entry("duban.channels.lease", "10s"),
                Map.entry("duban.channels.poll-interval", "1s"),
                Map.entry("duban.console.url", "https://duban.ah.gov.cn"));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MutableClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Platforms.class));
    }
}
