package org.duban.reminder.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.reminder.engine.DigestDispatcher;
import org.duban.reminder.engine.DigestReady;

/** The webhook channel of the digests: queued in the dispatching transaction, delivered by the worker. */
@ApplicationScoped
class DigestWebhooks {

    private final WebhookDispatcher dispatcher;

    DigestWebhooks(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void queue(@Observes DigestReady digest) {
        dispatcher.enqueue(digest.unitCode(), digest.kinds(), DigestDispatcher.SENT, digest.messageId(), digest.payload());
    }
}
