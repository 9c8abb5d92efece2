package org.duban.gateway.traffic;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request's id, first of all: the caller's {@code X-Request-Id} when it is sane, else a new
 * UUID. It goes into the logging context, onto the answer (the gateway's own problems included) and,
 * by the proxy, to the service, so one id follows a request through every log.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** What a caller may send as an id: short and printable, so it cannot forge or break log lines. */
    private static final Pattern ACCEPTABLE_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::tag);
    }

    /** The id the request is answered with (set before any other handler ran). */
    public static String of(HttpServerRequest request) {
        String id = request.response().headers().get(HEADER);
        return id != null ? id : UUID.randomUUID().toString();
    }

    static boolean acceptable(String offered) {
        return offered != null && ACCEPTABLE_ID.matcher(offered).matches();
    }

    private void tag(RoutingContext ctx) {
        String offered = ctx.request().getHeader(HEADER);
        String id = acceptable(offered) ? offered : UUID.randomUUID().toString();
        MDC.put("requestId", id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }
}
