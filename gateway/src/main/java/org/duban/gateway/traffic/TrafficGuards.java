package org.duban.gateway.traffic;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.problem.Problems;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * What the gateway checks before a request under {@code /api} goes anywhere, after its id
 * ({@link RequestIds}) and Quarkus' CORS filter (order -300, so a preflight never costs a token):
 * the client's rate (429 with {@code Retry-After}), then the declared body size (413). A body sent
 * without a length is counted while it streams, by {@link BodySizeLimit} in the proxy.
 */
@ApplicationScoped
public class TrafficGuards {

    private static final Logger LOG = Logger.getLogger(TrafficGuards.class);

    private final TrafficConfig config;
    private final RateLimiter limiter;
    private final BodyLimits bodyLimits;

    TrafficGuards(TrafficConfig config, BodyLimits bodyLimits) {
        this.config = config;
        this.bodyLimits = bodyLimits;
        TrafficConfig.RateLimit limit = config.rateLimit();
        this.limiter = limit.enabled()
                ? new RateLimiter(limit.requestsPerSecond(), limit.burst(), limit.maxClients(), System::nanoTime)
                : null;
    }

    void register(@Observes Router router, Vertx vertx) {
        if (limiter != null) {
            router.route("/api/*").order(-250).handler(this::rateLimit); // after the CORS filter (-300)
            long every = Math.max(1000, config.rateLimit().evictEvery().toMillis());
            vertx.setPeriodic(every, timer -> {
                int dropped = limiter.evictIdle();
                if (dropped > 0) {
                    LOG.debugf("Rate limit: dropped %d idle client buckets, %d left", dropped, limiter.size());
                }
            });
        }
        router.route("/api/*").order(-200).handler(this::declaredSize);
    }

    private void rateLimit(RoutingContext ctx) {
        String remote = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        String client = ClientKey.of(ctx.request().getHeader("Authorization"), remote);
        RateLimiter.Decision decision = limiter.take(client);
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
        List<String> codings = ctx.request().headers().getAll("Transfer-Encoding");
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.get(0).trim().equalsIgnoreCase("chunked"))) {
            // the proxy streams chunked bodies as they are; any other coding it would refuse with a bare 400
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, 400, "bad-transfer-encoding", "Bad request",
                    "Transfer-Encoding " + String.join(", ", codings) + " is not accepted; send the body chunked or with a length");
            return;
        }
        String header = ctx.request().getHeader("Content-Length");
        long limit = bodyLimits.limitFor(ctx.request().method(), ctx.request().path());
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
