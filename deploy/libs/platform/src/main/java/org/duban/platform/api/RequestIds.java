package org.duban.platform.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request carries an id: the gateway's {@code X-Request-Id} (or one made here for a caller that
 * came straight to the service). It goes into the logging context as {@code requestId} — the console
 * format prints it, so one request can be followed through the gateway and every service — and back
 * on the answer.
 *
 * <p>Quarkus keeps the MDC in the request's Vert.x context, so the value set here on the event loop is
 * also seen by the worker thread that runs the endpoint.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** What a caller may send as an id: short and printable, so it cannot forge or break log lines. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void register(@Observes Router router) {
        // before the head and size limits (RequestHeadLimits, RequestSizeLimit), so that their answers carry the id too
        router.route().order(Integer.MIN_VALUE).handler(this::tag);
    }

    private void tag(RoutingContext ctx) {
        String id = accept(ctx.request().getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        ctx.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** The caller's id when it is acceptable, else a new one. */
    public static String accept(String offered) {
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }
}
