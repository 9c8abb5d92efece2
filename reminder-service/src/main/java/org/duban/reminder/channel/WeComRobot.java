package org.duban.reminder.channel;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Map;

/**
 * 企业微信 group robot: {@code {"msgtype": "markdown", "markdown": {"content": …}}} POSTed to the robot's
 * URL ({@code …/cgi-bin/webhook/send?key=…}); content at most 4096 bytes. It has no signature: the key
 * in the URL is the secret. Answers {@code {"errcode": 0, "errmsg": "ok"}}.
 */
@ApplicationScoped
class WeComRobot implements ChannelSender {

    private final RobotCall call;

    WeComRobot(RobotCall call) {
        this.call = call;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WECOM;
    }

    @Override
    public SendResult send(Outgoing message) {
        return call.post(URI.create(message.target()),
                Map.of("msgtype", "markdown", "markdown", Map.of("content", message.body())), "errcode", "errmsg");
    }
}
