package org.duban.reminder.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.duban.platform.api.ProblemException;
import org.duban.reminder.policy.PolicyStore;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Making a unit's secret feed URL, and serving the feed behind it. */
@ApplicationScoped
public class CalendarFeedService {

    /** A new feed URL; the one before it no longer works. */
    public record Issued(String unitCode, URI url, URI webcalUrl, Instant rotatedAt) {
    }

    /** The feed's text with what HTTP caching needs. */
    public record Feed(String unitCode, String text, String etag, Instant lastModified) {
    }

    private final CalendarFeeds feeds;
    private final FeedItems items;
    private final PolicyStore policies;
    private final FeedConfig config;
    private final Clock clock;

    CalendarFeedService(CalendarFeeds feeds, FeedItems items, PolicyStore policies, FeedConfig config, Clock clock) {
        this.feeds = feeds;
        this.items = items;
        this.policies = policies;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Issued rotate(String unitCode, String by) {
        if (items.unitName(unitCode).isEmpty()) {
            throw ProblemException.notFound("No unit " + unitCode);
        }
        String token = FeedToken.generate();
        Instant now = clock.instant();
        feeds.replace(unitCode, FeedToken.sha256(token), now, by);
        String base = config.publicUrl().toString().replaceAll("/+$", "");
        URI url = URI.create(base + "/api/calendar-feeds/" + token + ".ics");
        URI webcal = URI.create(url.toString().replaceFirst("^https?:", "webcal:"));
        return new Issued(unitCode, url, webcal, now);
    }

    /** The feed of the token's unit; a token that is malformed, unknown or rotated away finds none. */
    @Transactional
    public Optional<Feed> feed(String token) {
        if (!FeedToken.wellFormed(token)) {
            return Optional.empty();
        }
        return feeds.owner(FeedToken.sha256(token)).map(owner -> {
            String unit = owner.unitCode();
            String name = items.unitName(unit).orElse(unit);
            String text = IcsText.write(FeedCalendar.of(new FeedCalendar.Content(unit, name, items.dueDates(unit),
                    items.milestones(unit), policies.all(), config.consoleUrl(), config.refreshInterval())));
            Instant lastModified = items.lastChange(unit).filter(t -> t.isAfter(owner.rotatedAt())).orElse(owner.rotatedAt());
            return new Feed(unit, text, etag(text), lastModified);
        });
    }

    private static String etag(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
