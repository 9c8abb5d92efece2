package org.duban.reminder.channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 飞书 custom bot: an interactive card ({@code msg_type: interactive}) with the title as its header and
 * the items as a markdown element, POSTed to {@code …/open-apis/bot/v2/hook/…}; with a secret (签名校验)
 * the body also carries {@code timestamp} (seconds) and {@code sign} (see {@link RobotSigning#feishu}).
 * A request body may take 20 KB. Answers {@code {"code": 0, "msg": "success"}}; 19021 is a bad signature.
 */
@ApplicationScoped
class FeishuBot implements ChannelSender {

    private final RobotCall call;
    private final Clock clock;

    FeishuBot(RobotCall call, Clock clock) {
        this.call = call;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.FEISHU;
    }

    @Override
    public SendResult send(Outgoing message) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (message.secret() != null) {
            long timestamp = clock.instant().getEpochSecond();
            body.put("timestamp", Long.toString(timestamp));
            body.put("sign", RobotSigning.feishu(message.secret(), timestamp));
        }
        body.put("msg_type", "interactive");
        body.put("card", Map.of(
                "config", Map.of("wide_screen_mode", true),
                "header", Map.of("template", "orange", "title", Map.of("tag", "plain_text", "content", message.title())),
                "elements", List.of(Map.of("tag", "markdown", "content", withoutHeading(message.body())))));
        return call.post(URI.create(message.target()), body, "code", "msg");
    }

    /** The card's header shows the title: the markdown's own heading line is left out. */
    static String withoutHeading(String markdown) {
        if (markdown.startsWith("### ")) {
            int end = markdown.indexOf(ChannelMessages.SEPARATOR);
            return end < 0 ? "" : markdown.substring(end + ChannelMessages.SEPARATOR.length());
        }
        return markdown;
    }
}
