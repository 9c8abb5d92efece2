package org.duban.platform.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request whose path or query carries a NUL byte ({@code %00}) with a 400 problem before it
 * reaches a resource. No Duban value may contain one, and PostgreSQL refuses it in text: without this
 * check {@code /api/units/%00} or {@code ?unit=%00} ended in a 500 from the database driver.
 */
@ApplicationScoped
public class ControlCharacters {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (!hasNul(uri)) {
            ctx.next();
            return;
        }
        String body = new JsonObject()
                .put("type", Problem.TYPE_PREFIX + "bad-request")
                .put("title", "Bad request")
                .put("status", 400)
                .put("detail", "The request's path or query contains a NUL character (%00), which no value may contain")
                .encode();
        ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    /** Whether a raw request URI carries NUL, as {@code %00} (any case) or as the byte itself. */
    static boolean hasNul(String uri) {
        if (uri.indexOf('\0') >= 0) {
            return true;
        }
        for (int i = uri.indexOf('%'); i >= 0 && i + 2 < uri.length(); i = uri.indexOf('%', i + 1)) {
            if (uri.charAt(i + 1) == '0' && uri.charAt(i + 2) == '0') {
                return true;
            }
        }
        return false;
    }
}
