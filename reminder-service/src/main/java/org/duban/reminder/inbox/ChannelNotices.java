package org.duban.reminder.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.reminder.channel.ChannelDisabled;
import org.duban.reminder.engine.ReminderKind;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Tells a unit in its inbox that one of its channels disabled itself; the next dispatch carries it on its other channels. */
@ApplicationScoped
class ChannelNotices {

    private static final Logger LOG = Logger.getLogger(ChannelNotices.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    ChannelNotices(Clock clock) {
        this.clock = clock;
    }

    void disabled(@Observes ChannelDisabled event) {
        Instant now = clock.instant();
        Notification n = new Notification();
        n.unitCode = event.unitCode();
        n.kind = ReminderKind.CHANNEL_DISABLED;
        n.occasion = now.atZone(ZONE).toLocalDate();
        n.title = name(event) + "已停用（通道编号" + event.channelId() + "）";
        n.body = "向本单位" + name(event) + "推送督办提醒连续失败，该通道已自动停用。原因：" + abbreviate(event.reason(), 500)
                + "。请核对地址、密钥等设置，在督办台“通知通道”中发送测试消息确认无误后，点击“启用”恢复推送。";
        n.createdAt = now;
        n.persist();
        LOG.warnf("channel %d (%s of %s) disabled; notice %d left in its inbox", event.channelId(), event.type(),
                event.unitCode(), n.id);
    }

    private static String name(ChannelDisabled event) {
        return switch (event.type()) {
            case WECOM -> "企业微信群机器人";
            case DINGTALK -> "钉钉群机器人";
            case FEISHU -> "飞书群机器人";
            case SMS -> "短信通道";
            case EMAIL -> "邮件通道";
        };
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
