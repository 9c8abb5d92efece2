package org.duban.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One write someone made: the data of a {@code duban.audit.recorded} event on the topic
 * {@code duban.audit} (see deploy/libs/events/README.md), stored by unit-service.
 *
 * @param service    the service that took the write, e.g. {@code task-service}
 * @param actor      the user name ({@code preferred_username}), {@code anonymous} without a token
 * @param subject    the token's subject (a stable id), null without a token
 * @param roles      the caller's Duban roles
 * @param unitCode   the caller's unit (claim {@code unit_code}), null for the office and integrators
 * @param method     POST, PUT, PATCH or DELETE
 * @param path       the request path as sent, e.g. {@code /api/assignments/41/transitions}
 * @param template   the endpoint's path template, e.g. {@code /api/assignments/{id}/transitions}
 * @param action     {@code <method> <template>}, what the office filters by
 * @param resourceId the last path parameter, or the id a 201 answer's Location names; null if neither
 * @param status     the answer's status (2xx)
 * @param address    the client's address: the first X-Forwarded-For entry the gateway passed on, else the peer
 * @param forwardedFor the whole X-Forwarded-For chain as received (each proxy appends its peer), null without one
 * @param userAgent  the User-Agent, at most 300 characters
 * @param requestId  the X-Request-Id the gateway gave the request
 * @param at         when the answer was sent
 */
public record AuditRecord(String service, String actor, String subject, List<String> roles, String unitCode,
                          String method, String path, String template, String action, String resourceId, int status,
                          String address, String forwardedFor, String userAgent, String requestId, Instant at) {

    public static final String TOPIC = "duban.audit";
    public static final String TYPE = "duban.audit.recorded";
}
