package org.duban.gateway.traffic;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.problem.Problems;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the gateway checks before a request goes anywhere, in this order: the request id (kept when
 * the caller sent a sane one, else made; logged and echoed), the client's rate (429 with
 * {@code Retry-After}) and the declared body size (413). Quarkus' CORS filter (order -300) runs
 * between the first and the others, so a preflight never costs a token. A body sent without a
 * length is counted while it streams, by the proxy.
 */
@ApplicationScoped
public class TrafficGuards {

    private static final Logger LOG = Logger.getLogger(TrafficGuards.class);
    public static final String REQUEST_ID = "X-Request-Id";
    /** What a caller may send as an id: short and printable, so it cannot forge or break log lines. */
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private final TrafficConfig config;
    private final TokenBuckets buckets;

    TrafficGuards(TrafficConfig config) {
        this.config = config;
        TrafficConfig.RateLimit limit = config.rateLimit();
        this.buckets = limit.enabled()
                ? new TokenBuckets(limit.requestsPerSecond(), limit.burst(), limit.maxClients(), System::nanoTime)
                : null;
    }

    void register(@Observes Router router, Vertx vertx) {
        router.route().order(Integer.MIN_VALUE).handler(this::tagRequest);
        if (buckets != null) {
            router.route("/api/*").order(-250).handler(this::rateLimit); // after the CORS filter (-300)
            long every = Math.max(1000, config.rateLimit().evictEvery().toMillis());
            vertx.setPeriodic(every, timer -> {
                int dropped = buckets.evictIdle();
                if (dropped > 0) {
                    LOG.debugf("Rate limit: dropped %d idle client buckets, %d left", dropped, buckets.size());
                }
            });
        }
        router.route("/api/*").order(-200).handler(this::declaredSize);
    }

    /** The request's id, as this request handler chain set it. */
    public static String requestId(RoutingContext ctx) {
        String id = ctx.get(REQUEST_ID);
        return id != null ? id : UUID.randomUUID().toString();
    }

    private void tagRequest(RoutingContext ctx) {
        String offered = ctx.request().getHeader(REQUEST_ID);
        String id = offered != null && ACCEPTABLE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        ctx.put(REQUEST_ID, id);
        MDC.put("requestId", id);
        ctx.response().putHeader(REQUEST_ID, id);
        ctx.next();
    }

    private void rateLimit(RoutingContext ctx) {
        String remote = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        String client = ClientKey.of(ctx.request().getHeader("Authorization"), remote);
        TokenBuckets.Decision decision = buckets.take(client);
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
        Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                "This client sent more than " + config.rateLimit().requestsPerSecond() + " requests per second (bursts up to "
                        + config.rateLimit().burst() + "); retry after " + decision.retryAfterSeconds() + " s");
    }

    private void declaredSize(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Length");
        long limit = config.maxRequestSize().asLongValue();
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            Problems.send(ctx, 400, "bad-content-length", "Bad request", "Content-Length is not a number");
            return;
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        // answer at once and close: nothing of the body is read, let alone forwarded
        ctx.response().putHeader("Connection", "close");
        Problems.send(ctx, 413, "too-large", "Content too large",
                "The request body has " + length + " bytes; at most " + limit + " are accepted");
    }
}
