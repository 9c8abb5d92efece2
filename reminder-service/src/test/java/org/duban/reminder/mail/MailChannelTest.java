package org.duban.reminder.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.duban.reminder.Rows;
import org.duban.reminder.SmtpServer;
import org.duban.reminder.engine.DigestReady;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The e-mail channel against a mail server that misbehaves the way real relays do. */
@QuarkusTest
class MailChannelTest {

    static final String UNIT = "test-mail-unit";
    static final String ADDRESS = "dbc@mail-test.example.cn";

    @Inject
    Event<DigestReady> digests;
    @Inject
    Rows rows;
    @Inject
    ObjectMapper json;

    /**
     * The relay answers a mail 421 and closes the connection (a connection that sat idle past its timeout): the
     * channel sends again at once on a new connection rather than after the first retry pause (a minute).
     */
    @Test
    void aMailTheRelayDroppedIsSentAgainAtOnceNotAfterTheRetryPause() {
        String before = queue("【督办提醒】邮件通道测试：连接正常");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(1, received(before)));

        int failedBefore = SmtpServer.failed();
        SmtpServer.failNextMail();
        String after = queue("【督办提醒】邮件通道测试：中继断开连接后");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(1, received(after),
                () -> rows.list("SELECT status, attempts, last_error FROM mail_delivery WHERE message_id = ?1", after)));
        assertEquals(failedBefore + 1, SmtpServer.failed(), "the relay did answer one mail 421");
        assertEquals(1, rows.count("SELECT count(*) FROM mail_delivery WHERE message_id = ?1 AND status = 'SENT' "
                + "AND attempts = 1 AND last_error IS NULL", after), "one attempt of the channel, no retry pause");
    }

    /** Queues a digest mail as a reminder run does (in its transaction); returns its message id. */
    private String queue(String subject) {
        String messageId = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> digests.fire(new DigestReady(0, UNIT, "邮件通道测试单位", ADDRESS, messageId,
                Set.of("DUE_SOON"), subject + "（" + messageId.substring(0, 8) + "）", "测试正文", List.of(), json.createObjectNode())));
        return messageId;
    }

    /** How many mails were received for the digest {@code messageId} (its subject names the id's first 8 characters). */
    private static long received(String messageId) throws Exception {
        long n = 0;
        for (MimeMessage m : SmtpServer.mail().getReceivedMessages()) {
            if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(ADDRESS)
                    && m.getSubject().contains("（" + messageId.substring(0, 8) + "）")) {
                n++;
            }
        }
        return n;
    }
}
