package org.duban.platform.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * Refuses a request whose {@code Content-Type} is no media type ({@code {{7*7}}/${jndi:x}}) with a 415
 * problem before a resource is chosen. RESTEasy Reactive parses the header while it picks among an
 * endpoint's several {@code @Consumes} (the imports: text, CSV, spreadsheet, multipart), and its parse
 * error ended in a 500; endpoints with one media type already answered 415.
 */
@ApplicationScoped
public class ContentTypeHeader {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 4).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || readable(contentType)) {
            ctx.next();
            return;
        }
        String body = new JsonObject()
                .put("type", Problem.TYPE_PREFIX + "unsupported-media-type")
                .put("title", "Unsupported Media Type")
                .put("status", 415)
                .put("detail", "The Content-Type header is not a media type such as application/json")
                .put("instance", ctx.request().path())
                .encode();
        ctx.response().setStatusCode(415).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    /** Whether the header parses as a media type, as RESTEasy Reactive parses it. */
    static boolean readable(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
