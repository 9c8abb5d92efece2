package org.duban.reminder.channel;

import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.duban.platform.outbound.HostResolver;
import org.duban.platform.outbound.OutboundConfig;
import org.duban.platform.outbound.OutboundPolicy;
import org.duban.reminder.webhook.MutableClock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platforms' real hosts, but a poisoned resolver: {@code oapi.dingtalk.com} and
 * {@code qyapi.weixin.qq.com} resolve to 127.0.0.1, and loopback is not allowed (unlike the other test
 * profiles, where the local platforms listen there). The policy is the production one but for its
 * {@link HostResolver}, the seam the platform's own outbound tests use.
 */
public class PoisonedDnsProfile implements QuarkusTestProfile {

    static final Map<String, String> POISONED = Map.of("oapi.dingtalk.com", "127.0.0.1", "qyapi.weixin.qq.com", "127.0.0.1");

    @Override
    public Map<String, String> getConfigOverrides() {
        // a documentation block (TEST-NET-2) in place of the test profile's loopback
        return Map.of("duban.outbound.allow-cidrs", "198.51.100.0/24",
                "duban.channels.retry-schedule", "1h");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MutableClock.class, PoisonedResolver.class);
    }

    /** Declares the policy with the poisoned resolver; selected only by this profile. */
    @Alternative
    @ApplicationScoped
    public static class PoisonedResolver {

        @Produces
        @Alternative
        @ApplicationScoped
        OutboundPolicy policy(OutboundConfig config) {
            HostResolver dns = host -> {
                String address = POISONED.get(host);
                if (address == null) {
                    throw new UnknownHostException(host);
                }
                return List.of(InetAddress.getByName(address));
            };
            return new OutboundPolicy(config.allowHosts().orElse(List.of()), config.allowCidrs().orElse(List.of()),
                    Map.of(), dns);
        }
    }
}
