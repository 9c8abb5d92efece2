package org.duban.platform.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request body over {@code duban.http.max-request-size} (10 MB unless configured) with a
 * 413 problem before any of it is processed. A body up to {@code quarkus.http.limits.max-body-size}
 * is read and dropped first, so that the client — still busy sending — gets to read the answer;
 * beyond that the connection is closed with the answer. A {@link LargeBodyRoute} (an upload) has a
 * limit of its own.
 */
@ApplicationScoped
public class RequestSizeLimit {

    private final long limit;
    private final long drainUpTo;
    private final java.util.List<LargeBodyRoute> largeBodies;

    RequestSizeLimit(@ConfigProperty(name = "duban.http.max-request-size", defaultValue = "10485760") long limit,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                     io.quarkus.runtime.configuration.MemorySize drainUpTo,
                     Instance<LargeBodyRoute> largeBodies) {
        this.limit = limit;
        this.drainUpTo = drainUpTo.asLongValue();
        this.largeBodies = largeBodies.stream().toList();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private long limitFor(String method, String path) {
        for (LargeBodyRoute route : largeBodies) {
            if (path != null && route.matches(method, path)) {
                return route.maxRequestSize();
            }
        }
        return limit;
    }

    private void check(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Length");
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        long limit = limitFor(ctx.request().method().name(), ctx.request().path());
        if (length <= limit) {
            ctx.next();
            return;
        }
        String body = new JsonObject()
                .put("type", Problem.TYPE_PREFIX + "too-large")
                .put("title", "Content too large")
                .put("status", 413)
                .put("detail", "The request body has " + length + " bytes; at most " + limit + " are accepted")
                .put("instance", ctx.request().path())
                .encode();
        Runnable answer = () -> ctx.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
        if (length <= drainUpTo) {
            ctx.request().handler(chunk -> { }).endHandler(done -> answer.run());
            ctx.request().resume();
        } else {
            answer.run();
        }
    }
}
