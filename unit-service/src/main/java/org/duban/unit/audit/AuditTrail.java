package org.duban.unit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail's store: consumes {@code duban.audit} (each event stored once, by its id), answers
 * the office's queries, and deletes entries older than {@code duban.audit.retention} every day.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    @ConfigMapping(prefix = "duban.audit")
    public interface AuditConfig {
        /** How long entries are kept. */
        @WithDefault("400d")
        Duration retention();

        /** Whether this service's own writes are recorded (read by the platform's AuditFilter). */
        @WithDefault("true")
        boolean enabled();
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditConfig config;

    AuditTrail(EntityManager em, ObjectMapper json, Clock clock, AuditConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Incoming("audit")
    @Blocking
    @Transactional
    public void consume(String message) {
        JsonNode event;
        try {
            event = json.readTree(message);
        } catch (Exception e) {
            LOG.warnf("An audit message that is not JSON was skipped");
            return;
        }
        JsonNode data = event.path("data");
        UUID id;
        try {
            id = UUID.fromString(event.path("id").asText());
        } catch (IllegalArgumentException e) {
            LOG.warnf("An audit event without a valid id was skipped");
            return;
        }
        if (!"duban.audit.recorded".equals(event.path("type").asText()) || !data.isObject()) {
            LOG.warnf("Audit event %s of type %s was skipped", id, event.path("type").asText());
            return;
        }
        List<String> roles = new ArrayList<>();
        data.path("roles").forEach(r -> roles.add(r.asText()));
        em.createNativeQuery("""
                        INSERT INTO audit_entry (event_id, service, actor, subject, roles, unit_code, method, path, template,
                                                 action, resource_id, status, address, forwarded_for, user_agent, request_id,
                                                 at, received_at)
                        VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text[]), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, id)
                .setParameter(2, cut(text(data, "service"), 60, "unknown"))
                .setParameter(3, cut(text(data, "actor"), 200, "anonymous"))
                .setParameter(4, cut(text(data, "subject"), 200, null))
                .setParameter(5, "{" + String.join(",", roles.stream().map(r -> "\"" + r.replace("\"", "") + "\"").toList()) + "}")
                .setParameter(6, cut(text(data, "unitCode"), 40, null))
                .setParameter(7, cut(text(data, "method"), 10, "?"))
                .setParameter(8, cut(text(data, "path"), 2000, "?"))
                .setParameter(9, cut(text(data, "template"), 500, "?"))
                .setParameter(10, cut(text(data, "action"), 520, "?"))
                .setParameter(11, cut(text(data, "resourceId"), 200, null))
                .setParameter(12, data.path("status").asInt())
                .setParameter(13, cut(text(data, "address"), 100, null))
                .setParameter(14, cut(text(data, "forwardedFor"), 300, null))
                .setParameter(15, cut(text(data, "userAgent"), 300, null))
                .setParameter(16, cut(text(data, "requestId"), 128, null))
                .setParameter(17, instant(text(data, "at"), event))
                .setParameter(18, clock.instant())
                .executeUpdate();
    }

    @Transactional
    public PageResponse<AuditEntryView> find(AuditQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.actor() != null) {
            params.add(query.actor());
            where.append(" AND actor = ?").append(params.size());
        }
        if (query.unitCode() != null) {
            params.add(query.unitCode());
            where.append(" AND unit_code = ?").append(params.size());
        }
        if (query.since() != null) {
            params.add(query.since());
            where.append(" AND at >= ?").append(params.size());
        }
        if (query.until() != null) {
            params.add(query.until());
            where.append(" AND at < ?").append(params.size());
        }
        if (query.action() != null) {
            params.add("%" + query.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            where.append(" AND action ILIKE ?").append(params.size());
        }
        var count = em.createNativeQuery("SELECT count(*) FROM audit_entry" + where);
        var select = em.createNativeQuery("""
                SELECT id, at, service, actor, subject, roles, unit_code, action, method, path, resource_id, status,
                       address, forwarded_for, user_agent, request_id FROM audit_entry""" + where
                + " ORDER BY at DESC, id DESC LIMIT " + page.size + " OFFSET " + page.offset());
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            select.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<AuditEntryView> items = rows.stream().map(AuditTrail::view).toList();
        return new PageResponse<>(items, page.page, page.size, total);
    }

    /** Deletes entries older than the retention; daily. */
    @Scheduled(cron = "${duban.audit.purge-cron:0 30 3 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeDaily() {
        int deleted = purge();
        if (deleted > 0) {
            LOG.infof("Deleted %d audit entries older than %s", deleted, config.retention());
        }
    }

    @Transactional
    public int purge() {
        return em.createNativeQuery("DELETE FROM audit_entry WHERE at < ?1")
                .setParameter(1, clock.instant().minus(config.retention())).executeUpdate();
    }

    private static AuditEntryView view(Object[] r) {
        Object roles = r[5];
        List<String> roleList = roles instanceof String[] a ? Arrays.asList(a)
                : roles instanceof Object[] o ? Arrays.stream(o).map(String::valueOf).toList() : List.of();
        return new AuditEntryView(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                roleList, (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10],
                ((Number) r[11]).intValue(), (String) r[12], (String) r[13], (String) r[14], (String) r[15]);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private Instant instant(String at, JsonNode event) {
        try {
            return Instant.parse(at != null ? at : event.path("time").asText());
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String cut(String text, int max, String fallback) {
        if (text == null) {
            return fallback;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
