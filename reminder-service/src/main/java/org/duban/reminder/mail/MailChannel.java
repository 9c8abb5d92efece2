package org.duban.reminder.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.duban.platform.outbound.OutboundPolicy;
import org.duban.platform.outbound.OutboundRefused;
import org.duban.reminder.engine.DigestReady;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The e-mail channel: a unit's digest is queued (in the dispatching transaction) for the unit's
 * contact address and sent by a worker over SMTP, retried with growing pauses while the server fails.
 * A queued row is leased before sending, so two replicas never send the same mail at the same time,
 * and a mail whose sender died is tried again once the lease runs out.
 */
@ApplicationScoped
public class MailChannel {

    private static final Logger LOG = Logger.getLogger(MailChannel.class);

    @ConfigMapping(prefix = "duban.mail")
    public interface MailConfig {
        /** Whether digests go out by e-mail at all. */
        @WithDefault("true")
        boolean enabled();

        /** Pauses after the 1st, 2nd, … failed attempt; after the last one the mail is given up (FAILED). */
        @WithDefault("1m,5m,30m,2h,6h,15h")
        List<Duration> retryPauses();

        /** How long a worker may take to send one mail before another may try it. */
        @WithDefault("5m")
        Duration lease();

        @WithDefault("20")
        int batchSize();

        /** How often the queue is looked at (besides right after a digest is queued). */
        @WithDefault("30s")
        Duration pollInterval();
    }

    private final EntityManager em;
    private final Mailer mailer;
    private final MailConfig config;
    private final Clock clock;
    private final AtomicBoolean sending = new AtomicBoolean();
    /** Set as shutdown begins: a poll the scheduler still starts then would find the database closed. */
    private volatile boolean stopping;
    /** Sends right after a dispatch; it waits on the mail server, so a virtual thread does it. */
    private final java.util.concurrent.ExecutorService kicker =
            java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mail-sender").factory());

    private final OutboundPolicy outbound;
    private final String smtpHost;

    MailChannel(EntityManager em, Mailer mailer, MailConfig config, Clock clock, OutboundPolicy outbound,
                @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String smtpHost) {
        this.em = em;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.outbound = outbound;
        this.smtpHost = smtpHost;
    }

    /** Says at once when the configured SMTP relay is one the outbound policy refuses; each send checks again. */
    void checkRelay(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            outbound.checkHost(smtpHost);
        } catch (OutboundRefused e) {
            LOG.errorf("E-mail cannot go out: the SMTP relay quarkus.mailer.host is refused by the outbound policy: %s",
                    e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        kicker.shutdown();
    }

    void queue(@Observes DigestReady digest) {
        if (!config.enabled() || digest.email() == null || digest.email().isBlank()) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO mail_delivery (message_id, unit_code, recipient, subject, body, status, next_attempt_at, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', ?6, ?6) ON CONFLICT (message_id) DO NOTHING""")
                .setParameter(1, digest.messageId()).setParameter(2, digest.unitCode()).setParameter(3, digest.email())
                .setParameter(4, digest.subject()).setParameter(5, digest.text()).setParameter(6, clock.instant())
                .executeUpdate();
    }

    /** Right after a dispatch commits, send without waiting for the next poll. */
    void kick(@Observes(during = TransactionPhase.AFTER_SUCCESS) DigestReady digest) {
        if (config.enabled() && digest.email() != null && !stopping) {
            kicker.execute(this::sendDue);
        }
    }

    @Scheduled(every = "${duban.mail.poll-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        sendDue();
    }

    /** Sends every queued mail that is due; returns how many went out. */
    public int sendDue() {
        if (stopping || !sending.compareAndSet(false, true)) {
            return 0;
        }
        int sent = 0;
        try {
            List<Object[]> batch;
            do {
                batch = claim();
                for (Object[] row : batch) {
                    if (send(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                            ((Number) row[4]).intValue())) {
                        sent++;
                    }
                }
            } while (batch.size() == config.batchSize());
        } finally {
            sending.set(false);
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            return em.createNativeQuery("""
                            UPDATE mail_delivery SET next_attempt_at = ?1 WHERE id IN (
                                SELECT id FROM mail_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?2
                                ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED)
                            RETURNING id, recipient, subject, body, attempts""")
                    .setParameter(1, now.plus(config.lease())).setParameter(2, now).setParameter(3, config.batchSize())
                    .getResultList();
        });
    }

    /**
     * One send, and when it fails a second one at once: the mail client keeps SMTP connections open between mails, and
     * one the relay has closed meanwhile (Postfix after 300 s idle, or on restart) fails the next mail although the
     * relay is fine; the client drops that connection, so the second send opens a new one. A failure of that too is
     * the relay's, and waits for the retry pause. Returns the error, or null when the relay took the mail.
     */
    private String deliver(String to, String subject, String body) {
        try {
            mailer.send(Mail.withText(to, subject, body));
            return null;
        } catch (RuntimeException first) {
            LOG.infof("mail to %s failed on the first try, trying again at once on a new connection: %s", to, describe(first));
        }
        try {
            mailer.send(Mail.withText(to, subject, body));
            return null;
        } catch (RuntimeException second) {
            return describe(second);
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private boolean send(long id, String to, String subject, String body, int attempts) {
        String error = null;
        try {
            // the relay comes from config, but a name is judged as it resolves now (an allowed
            // on-premises relay is named in duban.outbound.allow-hosts)
            outbound.checkHost(smtpHost);
            error = deliver(to, subject, body);
        } catch (OutboundRefused e) {
            error = "refused by the outbound policy: " + e.getMessage();
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            if (failure == null) {
                em.createNativeQuery("UPDATE mail_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = ?1, "
                        + "last_error = NULL WHERE id = ?2").setParameter(1, now).setParameter(2, id).executeUpdate();
                return;
            }
            List<Duration> pauses = config.retryPauses();
            boolean giveUp = attempts >= pauses.size();
            em.createNativeQuery("UPDATE mail_delivery SET status = ?1, attempts = attempts + 1, next_attempt_at = ?2, "
                            + "last_error = ?3 WHERE id = ?4")
                    .setParameter(1, giveUp ? "FAILED" : "PENDING")
                    .setParameter(2, giveUp ? now : now.plus(pauses.get(attempts)))
                    .setParameter(3, failure.length() > 500 ? failure.substring(0, 500) : failure)
                    .setParameter(4, id).executeUpdate();
            if (giveUp) {
                LOG.errorf("mail %d to %s given up after %d attempts: %s", id, to, attempts + 1, failure);
            } else {
                LOG.warnf("mail %d to %s failed (attempt %d), next try in %s: %s", id, to, attempts + 1,
                        pauses.get(attempts), failure);
            }
        });
        return failure == null;
    }
}
