package org.duban.reminder.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.duban.events.NotificationSent;
import org.duban.platform.messaging.Outbox;
import org.duban.reminder.inbox.Notification;
import org.duban.reminder.inbox.NotificationEvents;
import org.duban.reminder.inbox.NotificationView;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends each unit one digest per run and channel: the {@code duban.notification.sent} event on Kafka
 * (through the outbox), and a {@link DigestReady} that the e-mail and webhook channels queue. The
 * notifications are marked dispatched in the same transaction, so a digest goes out once, even when
 * the process dies between a run and its dispatch (the next dispatch picks the rest up).
 */
@ApplicationScoped
public class DigestDispatcher {

    public static final String TOPIC = NotificationSent.TOPIC;
    public static final String SENT = NotificationSent.TYPE;
    private static final Logger LOG = Logger.getLogger(DigestDispatcher.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Event<DigestReady> channels;
    private final ReminderTexts texts;
    private final Clock clock;
    private final RemindersConfig config;

    DigestDispatcher(EntityManager em, Outbox outbox, Event<DigestReady> channels, ReminderTexts texts, Clock clock,
                     RemindersConfig config) {
        this.config = config;
        this.em = em;
        this.outbox = outbox;
        this.channels = channels;
        this.texts = texts;
        this.clock = clock;
    }

    @Scheduled(every = "${duban.reminders.dispatch-interval:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void leftovers() {
        int n = dispatchPending();
        if (n > 0) {
            LOG.infof("dispatched %d digests left over from earlier runs", n);
        }
    }

    /** Dispatches every (run, unit) with undispatched notifications; returns how many digests went out. */
    public int dispatchPending() {
        int digests = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> groups = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT run_id, unit_code FROM notification WHERE dispatched_at IS NULL "
                            + "GROUP BY run_id, unit_code ORDER BY run_id, unit_code LIMIT 500").getResultList());
            if (groups.isEmpty()) {
                return digests;
            }
            int before = digests;
            for (Object[] g : groups) {
                Long runId = g[0] == null ? null : ((Number) g[0]).longValue();
                String unit = (String) g[1];
                if (QuarkusTransaction.requiringNew().call(() -> dispatch(runId, unit))) {
                    digests++;
                }
            }
            if (digests == before) {
                return digests; // what is left is being dispatched by another replica
            }
        }
    }

    /** Dispatches a unit's notifications made outside a run (an urge, a webhook notice) now; false when there were none. */
    public boolean dispatchOutsideRuns(String unitCode) {
        return QuarkusTransaction.requiringNew().call(() -> dispatch(null, unitCode));
    }

    private boolean dispatch(Long runId, String unitCode) {
        @SuppressWarnings("unchecked")
        List<Notification> items = (runId == null
                ? em.createNativeQuery("SELECT * FROM notification WHERE dispatched_at IS NULL AND unit_code = ?1 "
                        + "AND run_id IS NULL ORDER BY id FOR UPDATE SKIP LOCKED", Notification.class)
                : em.createNativeQuery("SELECT * FROM notification WHERE dispatched_at IS NULL AND unit_code = ?1 "
                        + "AND run_id = ?2 ORDER BY id FOR UPDATE SKIP LOCKED", Notification.class).setParameter(2, runId))
                .setParameter(1, unitCode).getResultList();
        if (items.isEmpty()) {
            return false;
        }
        Object[] contact = contact(unitCode);
        String unitName = (String) contact[0];
        String email = (String) contact[1];
        String base = "digest-" + (runId == null ? "n" + items.get(0).id : runId) + "-" + unitCode;
        int max = Math.max(1, config.digestMaxItems());
        int parts = (items.size() + max - 1) / max;
        for (int part = 0; part < parts; part++) {
            List<Notification> slice = items.subList(part * max, Math.min(items.size(), (part + 1) * max));
            String messageId = parts == 1 ? base : base + "-p" + (part + 1);
            Set<String> kinds = new LinkedHashSet<>();
            List<ReminderTexts.Line> lines = new ArrayList<>();
            List<NotificationSent.Notification> list = new ArrayList<>(slice.size());
            List<Long> ids = new ArrayList<>();
            for (Notification n : slice) {
                kinds.add(n.kind.name());
                lines.add(new ReminderTexts.Line(ReminderTexts.label(n.kind), withoutLabel(n), n.body));
                list.add(NotificationEvents.of(NotificationView.of(n)));
                ids.add(n.id);
            }
            ReminderTexts.Text digest = texts.digest(unitName, lines);
            // an urge on its own is its own subject: the unit sees who urged it before opening the mail
            String subject = slice.size() == 1 && slice.get(0).kind == ReminderKind.URGE ? slice.get(0).title
                    : parts == 1 ? digest.title() : digest.title() + "（" + (part + 1) + "/" + parts + "）";
            NotificationSent sent = new NotificationSent(messageId, unitCode, unitName, runId,
                    parts > 1 ? part + 1 : null, parts > 1 ? parts : null, list);
            ObjectNode payload = (ObjectNode) outbox.publish(TOPIC, unitCode, SENT, sent).data();
            channels.fire(new DigestReady(runId == null ? 0 : runId, unitCode, unitName, email, messageId, kinds,
                    subject, digest.body(), ids, payload));
        }
        em.createQuery("UPDATE Notification SET dispatchedAt = ?1 WHERE id IN ?2")
                .setParameter(1, clock.instant()).setParameter(2, items.stream().map(n -> n.id).toList()).executeUpdate();
        return true;
    }

    /** The title without a leading 【label】 the digest line shows anyway (an urge's 【催办】). */
    private static String withoutLabel(Notification n) {
        String prefix = "【" + ReminderTexts.label(n.kind) + "】";
        return n.title.startsWith(prefix) ? n.title.substring(prefix.length()) : n.title;
    }

    private Object[] contact(String unitCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, email FROM unit_contact WHERE code = ?1 AND active")
                .setParameter(1, unitCode).getResultList();
        return rows.isEmpty() ? new Object[] {unitCode, null} : rows.get(0);
    }
}
