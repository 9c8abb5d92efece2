package org.duban.reminder.channel;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code duban.channels.*}: where robots may live, how deliveries are sent and retried, the SMS provider. */
@ConfigMapping(prefix = "duban.channels")
public interface ChannelsConfig {

    /** Pause after the 1st, 2nd … failed attempt at a delivery; after the last it is FAILED. */
    @WithDefault("10s,1m,5m,30m,2h")
    List<Duration> retrySchedule();

    /** A channel is disabled when this many attempts in a row failed (across its deliveries). */
    @WithDefault("5")
    int disableAfterFailures();

    /** No answer within this fails an attempt. */
    @WithDefault("10s")
    Duration timeout();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a claimed delivery is reserved; must exceed timeout + connect-timeout. */
    @WithDefault("2m")
    Duration lease();

    /** Attempts in flight per replica. */
    @WithDefault("32")
    int maxConcurrency();

    /** Attempts in flight per channel and replica: 1 keeps a digest's parts in order. */
    @WithDefault("1")
    int perChannelConcurrency();

    @WithDefault("5s")
    Duration pollInterval();

    /** Finished deliveries (and their log) are deleted after this. */
    @WithDefault("30d")
    Duration retention();

    Worker worker();

    Platform wecom();

    Platform dingtalk();

    Platform feishu();

    Sms sms();

    interface Worker {
        /** Off for tools that share the database but must not send. */
        @WithDefault("true")
        boolean enabled();
    }

    /** One robot platform. */
    interface Platform {
        /** Hosts a robot URL may point at (the public service, or a private deployment such as 政务微信, 浙政钉). */
        List<String> hosts();

        /** Whether plain http is accepted (only for tests and closed networks). */
        @WithDefault("false")
        boolean allowHttp();

        /** The most a message's text may take, in UTF-8 bytes; longer digests go in numbered parts. */
        int maxBytes();
    }

    /** The SMS provider (Alibaba Cloud SMS, dysmsapi SendSms). */
    interface Sms {
        @WithDefault("https://dysmsapi.aliyuncs.com/")
        String endpoint();

        @WithDefault("cn-hangzhou")
        String regionId();

        Optional<String> accessKeyId();

        Optional<String> accessKeySecret();

        /** The approved signature (短信签名), e.g. 安徽省政务公开办. */
        Optional<String> signName();

        /** The approved template (模板CODE), e.g. SMS_460785123. */
        Optional<String> templateCode();

        /** The template's variable for the unit's name; empty: not sent. */
        @WithName("params.unit")
        @WithDefault("unit")
        String unitParam();

        /** The template's variable for the number of items. */
        @WithName("params.count")
        @WithDefault("count")
        String countParam();

        /** The template's variable for the items by kind (逾期2项、今日到期1项). */
        @WithName("params.summary")
        @WithDefault("summary")
        String summaryParam();

        /** The most characters a template variable may hold (Alibaba Cloud: 35). */
        @WithDefault("35")
        int maxParamLength();
    }
}
