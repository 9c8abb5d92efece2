package org.duban.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in its JSON (structured-mode) form, as Duban writes it to Kafka.
 *
 * @param id      unique per event; consumers drop duplicates by it
 * @param source  the producing service, e.g. {@code /duban/task-service}
 * @param type    e.g. {@code duban.assignment.status-changed}
 * @param subject what the event is about, e.g. the assignment id (also the Kafka key)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
