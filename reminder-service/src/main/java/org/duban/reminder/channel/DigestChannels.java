package org.duban.reminder.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.reminder.engine.DigestReady;
import org.duban.reminder.engine.ReminderTexts;
import org.duban.reminder.inbox.Notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unit's own channels of the digests: inside the transaction that marks a unit's notifications
 * dispatched, each enabled channel of the unit gets the notifications of the kinds it asked for, as the
 * platform's messages (in numbered parts when long), queued under the digest's id — once per channel,
 * whatever happens after.
 */
@ApplicationScoped
class DigestChannels {

    private final ChannelDeliveryQueue queue;
    private final ChannelMessages messages;
    private final ReminderTexts texts;
    private final SmsChannel sms;
    private final ChannelsConfig config;
    private final ObjectMapper json;

    DigestChannels(ChannelDeliveryQueue queue, ChannelMessages messages, ReminderTexts texts, SmsChannel sms,
                   ChannelsConfig config, ObjectMapper json) {
        this.queue = queue;
        this.messages = messages;
        this.texts = texts;
        this.sms = sms;
        this.config = config;
        this.json = json;
    }

    void queue(@Observes DigestReady digest) {
        List<Channel> channels = Channel.list("unitCode = ?1 and enabled = true order by id", digest.unitCode());
        if (channels.isEmpty()) {
            return;
        }
        List<Notification> notifications = Notification.list("id in ?1 order by id", digest.notificationIds());
        // channels of one type that take the same kinds get the same texts: rendered once per digest
        Map<String, List<ChannelMessages.Message>> rendered = new HashMap<>();
        int queued = 0;
        for (Channel channel : channels) {
            List<Notification> wanted = notifications.stream()
                    .filter(n -> channel.kinds.isEmpty() || channel.kinds.contains(n.kind.name()))
                    .toList();
            if (!wanted.isEmpty()) {
                queued += queue(channel, digest, wanted, rendered);
            }
        }
        queue.wakeAfterCommit(queued);
    }

    private int queue(Channel channel, DigestReady digest, List<Notification> notifications,
                      Map<String, List<ChannelMessages.Message>> rendered) {
        String unitName = digest.unitName();
        int queued = 0;
        switch (channel.type) {
            case WECOM, DINGTALK, FEISHU -> {
                List<ChannelMessages.Message> parts = rendered.computeIfAbsent(channel.type + "|" + channel.kinds, key ->
                        messages.digest(unitName, notifications.stream()
                                .map(n -> new ChannelMessages.Line(ReminderTexts.label(n.kind), n.title, n.body,
                                        messages.link(n.assignmentId)))
                                .toList(), maxBytes(channel.type)));
                for (ChannelMessages.Message m : parts) {
                    String id = parts.size() == 1 ? digest.messageId() : digest.messageId() + "#" + m.part() + "/" + m.parts();
                    queued += queue.enqueue(channel, id, m.part(), m.parts(), m.title(), m.markdown()) ? 1 : 0;
                }
            }
            case SMS -> {
                Map<String, Integer> byLabel = new LinkedHashMap<>();
                notifications.forEach(n -> byLabel.merge(ReminderTexts.label(n.kind), 1, Integer::sum));
                Map<String, String> params = sms.params(unitName, new ArrayList<>(byLabel.entrySet()));
                queued += queue.enqueue(channel, digest.messageId(), 1, 1,
                        unitName + "：" + notifications.size() + "项督办事项", write(params)) ? 1 : 0;
            }
            case EMAIL -> {
                List<ReminderTexts.Line> lines = notifications.stream()
                        .map(n -> new ReminderTexts.Line(ReminderTexts.label(n.kind), n.title, n.body))
                        .toList();
                ReminderTexts.Text text = texts.digest(unitName, lines);
                queued += queue.enqueue(channel, digest.messageId(), 1, 1, text.title(), text.body()) ? 1 : 0;
            }
        }
        return queued;
    }

    int maxBytes(ChannelType type) {
        return switch (type) {
            case WECOM -> config.wecom().maxBytes();
            case DINGTALK -> config.dingtalk().maxBytes();
            case FEISHU -> config.feishu().maxBytes();
            default -> throw new IllegalArgumentException(type + " is not a robot");
        };
    }

    private String write(Map<String, String> params) {
        try {
            return json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
