package org.duban.platform.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The policy every service injects, built once from {@code duban.outbound.*}. */
@ApplicationScoped
public class OutboundPolicyProducer {

    @Produces
    @ApplicationScoped
    OutboundPolicy policy(OutboundConfig config) {
        Map<String, List<String>> channels = config.channels().entrySet().stream()
                .filter(e -> e.getValue().hosts().isPresent())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().hosts().orElseThrow()));
        return new OutboundPolicy(config.allowHosts().orElse(List.of()), config.allowCidrs().orElse(List.of()),
                channels, HostResolver.SYSTEM);
    }
}
