package org.duban.reminder.channel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMS channel: a digest becomes the provider's approved template filled with the unit's name, the
 * number of items and a summary by kind (逾期2项、今日到期1项). Each value keeps within the provider's
 * limit for a variable ({@code duban.channels.sms.max-param-length}): a summary too long becomes the
 * total (共12项), a unit name too long is left to the template's wording (贵单位) — nothing is cut.
 */
@ApplicationScoped
class SmsChannel implements ChannelSender {

    private final SmsProvider provider;
    private final ChannelsConfig.Sms config;
    private final ObjectMapper json;

    SmsChannel(SmsProvider provider, ChannelsConfig config, ObjectMapper json) {
        this.provider = provider;
        this.config = config.sms();
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    boolean configured() {
        return provider.configured();
    }

    /** What an item count by kind label, in order, makes: the template's parameters. */
    Map<String, String> params(String unitName, List<Map.Entry<String, Integer>> countsByLabel) {
        int max = config.maxParamLength();
        int total = countsByLabel.stream().mapToInt(Map.Entry::getValue).sum();
        StringBuilder summary = new StringBuilder();
        for (Map.Entry<String, Integer> e : countsByLabel) {
            summary.append(summary.isEmpty() ? "" : "、").append(e.getKey()).append(e.getValue()).append("项");
        }
        Map<String, String> params = new LinkedHashMap<>();
        put(params, config.unitParam(), unitName != null && unitName.length() <= max ? unitName : "贵单位");
        put(params, config.countParam(), Integer.toString(total));
        put(params, config.summaryParam(), summary.length() <= max ? summary.toString() : "共" + total + "项");
        return params;
    }

    private static void put(Map<String, String> params, String name, String value) {
        if (name != null && !name.isBlank()) {
            params.put(name, value);
        }
    }

    @Override
    public SendResult send(Outgoing message) {
        Map<String, String> params;
        try {
            params = json.readValue(message.body(), new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (Exception e) {
            throw new IllegalStateException("an SMS delivery's parameters are not JSON: " + message.messageId(), e);
        }
        return provider.send(message.target(), params);
    }
}
