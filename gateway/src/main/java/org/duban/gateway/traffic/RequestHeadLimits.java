package org.duban.gateway.traffic;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.problem.Problems;

import java.util.Map;

/**
 * An over-long request line (414) or too many bytes of header fields (431), answered as problems
 * like every other error, right after the request's id is set.
 *
 * <p>Vert.x refuses such requests itself while decoding them, before any route runs, with a bare
 * status and no body, and Quarkus 3.33 offers no hook into that ({@code HttpServer.invalidRequestHandler}
 * is not reachable). So Vert.x' caps ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) are set far above these limits in {@code application.properties}, and the
 * limits are checked here; only a request beyond the caps still gets Vert.x' bare answer.
 */
@ApplicationScoped
public class RequestHeadLimits {

    private final int maxLine;
    private final long maxHeaders;

    RequestHeadLimits(TrafficConfig config) {
        this.maxLine = config.maxRequestLine();
        this.maxHeaders = config.maxHeaderSize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check); // after RequestIds, before all else
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        int line = lineLength(request.method().name(), request.uri());
        if (line > maxLine) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, 414, "uri-too-long", "URI too long",
                    "The request line has " + line + " characters; at most " + maxLine + " are accepted");
            return;
        }
        long headers = headerBytes(request.headers());
        if (headers > maxHeaders) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, 431, "header-fields-too-large", "Request header fields too large",
                    "The request's header fields have " + headers + " bytes; at most " + maxHeaders + " are accepted");
            return;
        }
        ctx.next();
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
