package org.duban.reminder.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.duban.platform.secrets.SecretCipher;
import org.duban.platform.secrets.SecretCipher.SecretUnreadable;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Webhook signing secrets at rest: sealed with the platform's {@link SecretCipher} when written, opened
 * only to sign or to mask. At startup every row still in plaintext (from before encryption) or under a
 * key that is no longer the active one (after a rotation) is rewritten under the active key — idempotent,
 * and safe with several replicas starting at once (a row is rewritten only if it still holds what was
 * read). Values are never logged; only row ids are.
 */
@ApplicationScoped
public class WebhookSecretsAtRest {

    private static final Logger LOG = Logger.getLogger(WebhookSecretsAtRest.class);

    private final SecretCipher cipher;
    private final EntityManager em;

    WebhookSecretsAtRest(SecretCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    String seal(String plaintext) {
        return cipher.encrypt(plaintext);
    }

    /** The plaintext secret of a subscription; null (logged with its id) when it cannot be decrypted. */
    String readable(WebhookSubscription subscription) {
        try {
            return cipher.reveal(subscription.secret);
        } catch (SecretUnreadable e) {
            LOG.errorf("Webhook %d: %s", subscription.id, e.getMessage());
            return null;
        }
    }

    void onStart(@Observes StartupEvent event) {
        int rewritten = reEncrypt(cipher);
        if (rewritten > 0) {
            LOG.infof("Encrypted %d webhook secret(s) under key %s", rewritten, cipher.activeKid());
        }
    }

    /** Rewrites every secret in plaintext or under an older key with {@code with}'s active key; returns how many. */
    @SuppressWarnings("unchecked")
    public int reEncrypt(SecretCipher with) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("SELECT id, secret FROM webhook_subscription ORDER BY id FOR UPDATE SKIP LOCKED")
                    .getResultList();
            int rewritten = 0;
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                String stored = (String) row[1];
                if (!with.needsReEncryption(stored)) {
                    continue;
                }
                String sealed;
                try {
                    sealed = with.encrypt(with.reveal(stored));
                } catch (SecretUnreadable e) {
                    LOG.errorf("Webhook %d: its secret is left as it is: %s", id, e.getMessage());
                    continue;
                }
                rewritten += em.createNativeQuery("UPDATE webhook_subscription SET secret = ?1 WHERE id = ?2 AND secret = ?3")
                        .setParameter(1, sealed).setParameter(2, id).setParameter(3, stored).executeUpdate();
            }
            return rewritten;
        });
    }
}
