package org.duban.reminder.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * The EMAIL channel: extra addresses for a unit's digests, over the same SMTP server (Quarkus mailer)
 * as the contact address's mail. One mail to all the channel's addresses.
 */
@ApplicationScoped
class EmailChannel implements ChannelSender {

    private final Mailer mailer;
    private final Clock clock;

    EmailChannel(Mailer mailer, Clock clock) {
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public SendResult send(Outgoing message) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        try {
            Mail mail = new Mail().setSubject(message.title()).setText(message.body());
            Arrays.stream(message.target().split(",")).map(String::strip).filter(a -> !a.isEmpty()).forEach(mail::addTo);
            mailer.send(mail);
            return new SendResult(at, (System.nanoTime() - started) / 1_000_000, null, null);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? "the mail server refused the mail" : e.getMessage();
            return new SendResult(at, (System.nanoTime() - started) / 1_000_000, null, "SMTP: " + why);
        }
    }
}
