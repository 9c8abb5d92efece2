package org.duban.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.duban.platform.events.CloudEvent;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records events in the outbox table, inside the caller's transaction: the event exists exactly
 * when the change it describes was committed. {@link OutboxRelay} does the publishing.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final OutboxConfig config;

    Outbox(ObjectMapper json, Clock clock, OutboxConfig config) {
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /**
     * @param topic   Kafka topic
     * @param key     Kafka key and CloudEvents subject (assignment id, unit code …)
     * @param type    CloudEvents type, e.g. {@code duban.unit.changed}
     * @param data    the event's data, serialised as JSON
     * @return the event as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String key, String type, Object data) {
        var now = clock.instant();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), config.source(),
                type, key, now.atOffset(ZoneOffset.UTC), "application/json", json.valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.topic = topic;
        row.key = key;
        row.type = type;
        row.createdAt = now;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + type, e);
        }
        row.persist();
        return event;
    }
}
