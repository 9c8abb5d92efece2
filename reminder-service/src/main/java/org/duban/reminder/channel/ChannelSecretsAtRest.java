package org.duban.reminder.channel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.duban.platform.secrets.SecretCipher;
import org.duban.platform.secrets.SecretCipher.SecretUnreadable;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;

/**
 * A channel's credentials at rest, sealed with the platform's {@link SecretCipher} as webhook secrets
 * are: the DingTalk and Feishu signing secrets, and the robot URLs themselves — their {@code key},
 * {@code access_token} or {@code /hook/…} lets anyone post into the unit's group (WeCom has nothing
 * else), so they are as good as a password. SMS numbers and e-mail addresses stay readable. Opened only
 * to send or to mask. At startup every value still in plaintext (from before encryption) or under a key
 * that is no longer active is rewritten under the active key — idempotent, and safe with several
 * replicas starting at once. Values are never logged; only channel ids are.
 */
@ApplicationScoped
public class ChannelSecretsAtRest {

    private static final Logger LOG = Logger.getLogger(ChannelSecretsAtRest.class);

    private final SecretCipher cipher;
    private final EntityManager em;

    ChannelSecretsAtRest(SecretCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    /** What the channel row stores as its target: sealed for a robot, as given otherwise. */
    String sealTarget(ChannelType type, String target) {
        return type.robot() ? cipher.encrypt(target) : target;
    }

    String sealSecret(String secret) {
        return secret == null ? null : cipher.encrypt(secret);
    }

    /**
     * A channel's target and secret in plaintext.
     *
     * @param target     null when it cannot be decrypted
     * @param secret     null when there is none or it cannot be decrypted
     * @param unreadable why a stored value cannot be decrypted, in words for the delivery log; null when all is well
     */
    record Opened(String target, String secret, String unreadable) {
    }

    Opened open(Channel channel) {
        String target = channel.target;
        String secret = null;
        String unreadable = null;
        if (channel.type.robot()) {
            try {
                target = cipher.reveal(channel.target);
            } catch (SecretUnreadable e) {
                LOG.errorf("Channel %d: its robot URL: %s", channel.id, e.getMessage());
                target = null;
                unreadable = "the robot URL cannot be decrypted (see the service log); create the channel again or restore the key";
            }
        }
        if (channel.secret != null) {
            try {
                secret = cipher.reveal(channel.secret);
            } catch (SecretUnreadable e) {
                LOG.errorf("Channel %d: its signing secret: %s", channel.id, e.getMessage());
                unreadable = Objects.requireNonNullElse(unreadable,
                        "the signing secret cannot be decrypted (see the service log); create the channel again or restore the key");
            }
        }
        return new Opened(target, secret, unreadable);
    }

    void onStart(@Observes StartupEvent event) {
        int rewritten = reEncrypt(cipher);
        if (rewritten > 0) {
            LOG.infof("Encrypted the robot URLs and signing secrets of %d channel(s) under key %s", rewritten,
                    cipher.activeKid());
        }
    }

    /**
     * Rewrites every robot URL and signing secret in plaintext or under an older key with {@code with}'s
     * active key; returns how many channels were rewritten. A value that cannot be decrypted is left as it is.
     */
    @SuppressWarnings("unchecked")
    public int reEncrypt(SecretCipher with) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT id, type, target, secret FROM channel
                            WHERE type IN ('WECOM', 'DINGTALK', 'FEISHU') OR secret IS NOT NULL
                            ORDER BY id FOR UPDATE SKIP LOCKED""")
                    .getResultList();
            int rewritten = 0;
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                boolean robot = ChannelType.valueOf((String) row[1]).robot();
                String target = (String) row[2];
                String secret = (String) row[3];
                String newTarget = robot ? rewrite(with, id, "robot URL", target) : target;
                String newSecret = secret == null ? null : rewrite(with, id, "signing secret", secret);
                if (Objects.equals(newTarget, target) && Objects.equals(newSecret, secret)) {
                    continue;
                }
                // only if the row still holds what was read (null parameters have no type for PostgreSQL: split)
                rewritten += secret == null
                        ? em.createNativeQuery("UPDATE channel SET target = ?1 WHERE id = ?2 AND target = ?3 AND secret IS NULL")
                                .setParameter(1, newTarget).setParameter(2, id).setParameter(3, target).executeUpdate()
                        : em.createNativeQuery("""
                                        UPDATE channel SET target = ?1, secret = ?2
                                        WHERE id = ?3 AND target = ?4 AND secret = ?5""")
                                .setParameter(1, newTarget).setParameter(2, newSecret).setParameter(3, id)
                                .setParameter(4, target).setParameter(5, secret).executeUpdate();
            }
            return rewritten;
        });
    }

    /** {@code stored} under the active key; unchanged when it already is, or cannot be decrypted. */
    private static String rewrite(SecretCipher with, long id, String what, String stored) {
        if (!with.needsReEncryption(stored)) {
            return stored;
        }
        try {
            return with.encrypt(with.reveal(stored));
        } catch (SecretUnreadable e) {
            LOG.errorf("Channel %d: its %s is left as it is: %s", id, what, e.getMessage());
            return stored;
        }
    }
}
