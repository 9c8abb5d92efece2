package org.duban.reminder.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where the reminder engine hands over a message for webhook subscribers. Deliveries are rows
 * written in the engine's transaction: they exist exactly when what they tell was committed, and
 * {@link WebhookDeliveryWorker} sends them once it has.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<WebhookEnqueued> enqueued;

    WebhookDispatcher(EntityManager em, ObjectMapper json, Clock clock, Event<WebhookEnqueued> enqueued) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.enqueued = enqueued;
    }

    /**
     * Called inside the engine's transaction (TxType.MANDATORY): creates one PENDING delivery per
     * active subscription that matches (subscription.unitCode null or == unitCode; events
     * empty/"*"/contains eventType or contains any of kinds). messageId is stable: the same
     * (subscription, messageId) is stored at most once (unique key), so calling twice creates
     * nothing new. Returns how many deliveries were created.
     *
     * <p>The body sent is {@code {"type": eventType, "timestamp": <now, ISO instant>, "data": payload}},
     * fixed here: every attempt sends the same bytes under the same {@code webhook-id} (= messageId).
     *
     * @param unitCode  the unit the message is about; null matches only subscriptions for every unit
     * @param kinds     notification kinds it carries (e.g. {@code OVERDUE}); may be empty
     * @param eventType e.g. {@code duban.notification.sent}
     * @param messageId stable id, at most 200 characters (e.g. the notification's event id)
     * @param payload   the {@code data}; null is sent as JSON null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(String unitCode, Set<String> kinds, String eventType, String messageId, JsonNode payload) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.isBlank() || messageId.length() > 200) {
            throw new IllegalArgumentException("messageId must be 1 to 200 characters: " + messageId);
        }
        List<WebhookSubscription> candidates = unitCode == null
                ? WebhookSubscription.list("active = true and unitCode is null")
                : WebhookSubscription.list("active = true and (unitCode is null or unitCode = ?1)", unitCode);
        List<WebhookSubscription> matching = candidates.stream()
                .filter(s -> WebhookEvents.matches(s.events, kinds, eventType))
                .toList();
        if (matching.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        String body = envelope(eventType, now, payload);
        int created = 0;
        for (WebhookSubscription subscription : matching) {
            // ON CONFLICT: a repeated message id neither duplicates nor breaks the caller's transaction.
            // Inserting from the locked subscription row: one deleted or disabled meanwhile is skipped
            // instead of failing the engine's transaction on the foreign key.
            created += em.createNativeQuery("""
                            INSERT INTO webhook_delivery (subscription_id, message_id, event_type, body, status,
                                                          attempts, next_attempt_at, created_at, version)
                            SELECT s.id, ?2, ?3, ?4, 'PENDING', 0, ?5, ?5, 0
                            FROM webhook_subscription s WHERE s.id = ?1 AND s.active
                            FOR KEY SHARE
                            ON CONFLICT (subscription_id, message_id) DO NOTHING""")
                    .setParameter(1, subscription.id)
                    .setParameter(2, messageId)
                    .setParameter(3, eventType)
                    .setParameter(4, body)
                    .setParameter(5, now)
                    .executeUpdate();
        }
        if (created > 0) {
            LOG.debugf("Message %s (%s) queued for %d webhook(s)", messageId, eventType, created);
            enqueued.fire(new WebhookEnqueued(created));
        }
        return created;
    }

    private String envelope(String eventType, Instant now, JsonNode payload) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("type", eventType);
        envelope.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS)));
        envelope.set("data", payload == null ? NullNode.getInstance() : payload);
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook payload cannot be written as JSON: " + eventType, e);
        }
    }
}
