package org.duban.reminder.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records {@link WebhookDisabled} events, as the inbox will observe them. */
@ApplicationScoped
public class DisabledWebhooks {

    private final List<WebhookDisabled> seen = new CopyOnWriteArrayList<>();

    void on(@Observes WebhookDisabled event) {
        seen.add(event);
    }

    public List<WebhookDisabled> of(long webhookId) {
        return seen.stream().filter(e -> e.webhookId() == webhookId).toList();
    }
}
