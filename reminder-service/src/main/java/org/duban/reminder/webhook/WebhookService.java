package org.duban.reminder.webhook;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.outbound.OutboundPolicy;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Managing subscriptions and reading their deliveries: the use cases behind {@link WebhookResource}. */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_EVENTS = 20;
    private static final Pattern UNIT_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final Clock clock;
    private final OutboundPolicy outbound;

    private final WebhookSecretsAtRest secrets;

    WebhookService(Clock clock, OutboundPolicy outbound, WebhookSecretsAtRest secrets) {
        this.clock = clock;
        this.outbound = outbound;
        this.secrets = secrets;
    }

    /** Creates a subscription; the answer carries the secret in full, the only time it is shown. */
    @Transactional
    public WebhookView create(WebhookRequest request, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = validUrl(request.url(), errors);
        if (url != null) {
            String refused = outbound.registrationProblem(url);
            if (refused != null) {
                errors.add(new Problem.FieldError("url", "不予登记 / not accepted: " + refused));
                url = null;
            }
        }
        String secret = request.secret();
        if (secret != null) {
            String problem = WebhookSecret.problem(secret);
            if (problem != null) {
                errors.add(new Problem.FieldError("secret", problem));
            }
        }
        List<String> events = validEvents(request.events(), errors);
        String unitCode = request.unitCode();
        if (unitCode != null && !UNIT_CODE.matcher(unitCode).matches()) {
            errors.add(new Problem.FieldError("unitCode",
                    "must be a unit code: 2-40 lower-case letters, digits or '-', starting with a letter, e.g. gov-340100"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.url = url;
        String plaintext = secret != null ? secret : WebhookSecret.generate();
        subscription.secret = secrets.seal(plaintext);
        subscription.events = new ArrayList<>(events);
        subscription.unitCode = unitCode;
        subscription.createdAt = clock.instant();
        subscription.createdBy = actor;
        subscription.persist();
        LOG.infof("Webhook %d created by %s for %s, events %s", subscription.id, actor,
                unitCode == null ? "every unit" : unitCode, events.isEmpty() ? "all" : events);
        return WebhookView.of(subscription, plaintext, true);
    }

    @Transactional
    public WebhookView get(long id) {
        WebhookSubscription subscription = find(id);
        return WebhookView.of(subscription, secrets.readable(subscription), false);
    }

    @Transactional
    public PageResponse<WebhookView> list(String unitCode, Boolean active, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (unitCode != null) {
            where.append(" and unitCode = :unit");
            params.and("unit", unitCode);
        }
        if (active != null) {
            where.append(" and active = :active");
            params.and("active", active);
        }
        var query = WebhookSubscription.<WebhookSubscription>find(where.toString(), Sort.by("id"), params);
        List<WebhookView> items = query.page(page.page, page.size).list().stream()
                .map(s -> WebhookView.of(s, secrets.readable(s), false)).toList();
        return new PageResponse<>(items, page.page, page.size, query.count());
    }

    /** Deletes a subscription with its deliveries and their log; attempts in flight are dropped when they finish. */
    @Transactional
    public void delete(long id, String actor) {
        WebhookSubscription subscription = find(id);
        subscription.delete();
        LOG.infof("Webhook %d deleted by %s", id, actor);
    }

    /**
     * Re-enables a subscription that disabled itself after repeated failure: its failure count starts
     * again from zero and new messages are queued for it from now on (those given up stay FAILED).
     * Enabling an active subscription changes nothing.
     */
    @Transactional
    public WebhookView enable(long id, String actor) {
        WebhookSubscription subscription = find(id);
        if (!subscription.active) {
            subscription.active = true;
            subscription.disabledAt = null;
            subscription.disabledReason = null;
            subscription.consecutiveFailures = 0;
            subscription.failingSince = null;
            LOG.infof("Webhook %d re-enabled by %s", id, actor);
        }
        return WebhookView.of(subscription, secrets.readable(subscription), false);
    }

    /** A subscription's deliveries, newest first, each with its attempts. */
    @Transactional
    public PageResponse<DeliveryView> deliveries(long id, DeliveryStatus status, PageRequest page) {
        find(id);
        var query = status == null
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1", Sort.descending("createdAt", "id"), id)
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2",
                        Sort.descending("createdAt", "id"), id, status);
        List<WebhookDelivery> deliveries = query.page(page.page, page.size).list();
        Map<Long, List<DeliveryView.AttemptView>> attempts = deliveries.isEmpty() ? Map.of()
                : WebhookAttempt.<WebhookAttempt>list("deliveryId in ?1 order by deliveryId, number",
                                deliveries.stream().map(d -> d.id).toList()).stream()
                        .collect(Collectors.groupingBy(a -> a.deliveryId,
                                Collectors.mapping(DeliveryView.AttemptView::of, Collectors.toList())));
        List<DeliveryView> items = deliveries.stream()
                .map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id, List.of())))
                .toList();
        return new PageResponse<>(items, page.page, page.size, query.count());
    }

    private static WebhookSubscription find(long id) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null) {
            throw ProblemException.notFound("There is no webhook " + id);
        }
        return subscription;
    }

    private static String validUrl(String url, List<Problem.FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new Problem.FieldError("url", "must not be empty"));
            return null;
        }
        String trimmed = url.trim();
        if (trimmed.length() > MAX_URL_LENGTH) {
            errors.add(new Problem.FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        String why = null;
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.isOpaque()) {
                why = "must be an absolute http or https URL, e.g. https://oa.example.gov.cn/hooks/duban";
            } else if (!scheme.equals("http") && !scheme.equals("https")) {
                why = "must use http or https, not " + uri.getScheme();
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                why = "must name a host, e.g. https://oa.example.gov.cn/hooks/duban";
            } else if (uri.getFragment() != null) {
                why = "must not have a #fragment (it is never sent)";
            }
        } catch (URISyntaxException e) {
            why = "is not a valid URL: " + e.getReason() + " at character " + (e.getIndex() + 1);
        }
        if (why != null) {
            errors.add(new Problem.FieldError("url", why));
            return null;
        }
        return trimmed;
    }

    private static List<String> validEvents(List<String> events, List<Problem.FieldError> errors) {
        if (events == null) {
            return List.of();
        }
        if (events.size() > MAX_EVENTS) {
            errors.add(new Problem.FieldError("events", "must have at most " + MAX_EVENTS + " entries"));
            return List.of();
        }
        Set<String> valid = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            if (!WebhookEvents.isKnown(event)) {
                errors.add(new Problem.FieldError("events[" + i + "]", "must be one of " + WebhookEvents.accepted()
                        + (event == null ? "" : "; got " + abbreviate(event))));
            } else {
                valid.add(event);
            }
        }
        return List.copyOf(valid);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
