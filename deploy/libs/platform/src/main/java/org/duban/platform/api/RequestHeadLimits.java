package org.duban.platform.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * An over-long request line ({@code duban.http.max-request-line}, 4096 characters) is a 414 problem,
 * too many bytes of header fields ({@code duban.http.max-header-size}, 24 KiB: the gateway's 20 KiB and
 * what it adds) a 431 problem — not Vert.x' bare status without a body.
 *
 * <p>Vert.x refuses such requests itself while decoding them, before any route runs, and Quarkus 3.33
 * offers no hook into that; so its caps ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set far above these limits (the platform's
 * {@code microprofile-config.properties}) and the limits are checked here.
 */
@ApplicationScoped
public class RequestHeadLimits {

    private final int maxLine;
    private final long maxHeaders;

    RequestHeadLimits(@ConfigProperty(name = "duban.http.max-request-line", defaultValue = "4096") int maxLine,
                      @ConfigProperty(name = "duban.http.max-header-size", defaultValue = "24K") MemorySize maxHeaders) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders.asLongValue();
    }

    void register(@Observes Router router) {
        // after RequestIds (MIN_VALUE), so that the answer carries the id; before the size limit
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        int line = lineLength(request.method().name(), request.uri());
        if (line > maxLine) {
            refuse(ctx, 414, "uri-too-long", "URI too long",
                    "The request line has " + line + " characters; at most " + maxLine + " are accepted");
            return;
        }
        long headers = headerBytes(request.headers());
        if (headers > maxHeaders) {
            refuse(ctx, 431, "header-fields-too-large", "Request header fields too large",
                    "The request's header fields have " + headers + " bytes; at most " + maxHeaders + " are accepted");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        String body = new JsonObject()
                .put("type", Problem.TYPE_PREFIX + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .encode();
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(body);
    }

    /** The request line as the client sent it, {@code GET /api/units HTTP/1.1}, without its CRLF. */
    static int lineLength(String method, String uri) {
        return method.length() + 1 + uri.length() + 1 + "HTTP/1.1".length();
    }

    /** What Vert.x counts against its own cap: every {@code name: value} line, without the CRLFs. */
    static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + 2L + header.getValue().length();
        }
        return total;
    }
}
