package org.duban.reminder.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.reminder.engine.ReminderKind;
import org.duban.reminder.engine.RemindersConfig;
import org.duban.reminder.webhook.WebhookDisabled;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Tells a unit (or, for a subscription of no unit, the supervising office) in its inbox that its
 * webhook was disabled; the next dispatch sends it on by e-mail and Kafka as well.
 */
@ApplicationScoped
class WebhookNotices {

    private static final Logger LOG = Logger.getLogger(WebhookNotices.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final RemindersConfig config;
    private final Clock clock;

    WebhookNotices(RemindersConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void disabled(@Observes WebhookDisabled event) {
        Instant now = clock.instant();
        Notification n = new Notification();
        n.unitCode = event.unitCode() != null ? event.unitCode() : config.officeUnit();
        n.kind = ReminderKind.WEBHOOK_DISABLED;
        n.occasion = now.atZone(ZONE).toLocalDate();
        n.title = "Webhook已停用：" + abbreviate(event.url(), 120);
        n.body = "向 " + event.url() + " 推送督办通知多次失败，该Webhook订阅（编号" + event.webhookId()
                + "）已停用。原因：" + abbreviate(event.reason(), 500) + "。请检查接收地址后重新订阅。";
        n.createdAt = now;
        n.persist();
        LOG.warnf("webhook %d (%s) disabled; notice %d left for %s", event.webhookId(), event.url(), n.id, n.unitCode);
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
