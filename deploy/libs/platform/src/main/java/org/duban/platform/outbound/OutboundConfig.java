package org.duban.platform.outbound;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code duban.outbound.*}: what outbound calls (webhooks, robots, SMS, e-mail) may reach beyond the
 * public internet. Everything here widens the default; nothing narrows it.
 */
@ConfigMapping(prefix = "duban.outbound")
public interface OutboundConfig {

    /**
     * Host names that may resolve to refused ranges, e.g. an on-premises OA system
     * ({@code oa.gov.local}) or the mail relay; {@code *.example.gov.cn} allows every sub-domain.
     */
    Optional<List<String>> allowHosts();

    /** Address blocks that may be reached though refused by default, e.g. {@code 10.20.0.0/16}. */
    Optional<List<String>> allowCidrs();

    /**
     * Per robot channel ({@code wecom}, {@code dingtalk}, {@code feishu} …): the hosts its URLs may
     * name instead of the platform's own (sub-domains included). Unset: the platform's defaults.
     */
    Map<String, Channel> channels();

    interface Channel {
        Optional<List<String>> hosts();
    }
}
