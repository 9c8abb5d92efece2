package org.duban.reminder.channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * 钉钉 custom robot: {@code {"msgtype": "markdown", "markdown": {"title": …, "text": …}}} POSTed to
 * {@code …/robot/send?access_token=…}; with a secret (加签, {@code SEC…}) the URL also carries
 * {@code timestamp} (milliseconds) and {@code sign} (see {@link RobotSigning#dingTalk}), which DingTalk
 * accepts within an hour. Answers {@code {"errcode": 0, "errmsg": "ok"}}; 310000 is a bad signature.
 */
@ApplicationScoped
class DingTalkRobot implements ChannelSender {

    private final RobotCall call;
    private final Clock clock;

    DingTalkRobot(RobotCall call, Clock clock) {
        this.call = call;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.DINGTALK;
    }

    @Override
    public SendResult send(Outgoing message) {
        String url = message.target();
        if (message.secret() != null) {
            long timestamp = clock.millis();
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(RobotSigning.dingTalk(message.secret(), timestamp), StandardCharsets.UTF_8);
        }
        return call.post(URI.create(url), Map.of("msgtype", "markdown",
                "markdown", Map.of("title", message.title(), "text", message.body())), "errcode", "errmsg");
    }
}
