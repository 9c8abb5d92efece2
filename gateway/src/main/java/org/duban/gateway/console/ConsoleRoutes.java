package org.duban.gateway.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.problem.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's own routes besides its files (which Quarkus serves from {@code META-INF/resources}):
 * {@code /console-config.json} tells the browser where to log in, and every GET of a page path
 * (a client route such as {@code /plans/1/board}) answers the console's {@code index.html}, so a link
 * opened from WeCom or a reload lands in the app. {@code /api} and {@code /q} are never answered here,
 * nor paths that name a file ({@code /assets/x.js}): those stay 404.
 */
@ApplicationScoped
public class ConsoleRoutes {

    /** Client routes: not the API, not Quarkus' endpoints, no dot in the last segment. */
    static final Pattern CLIENT_ROUTE = Pattern.compile("^/(?!api(/|$)|q(/|$))([^.]*/)*[^./]*$");

    private final Buffer config;
    private final Optional<Buffer> index;

    ConsoleRoutes(ConsoleConfig console) {
        this.config = new JsonObject()
                .put("authServerUrl", console.authServerUrl())
                .put("clientId", console.clientId())
                .toBuffer();
        this.index = readIndex();
    }

    void register(@Observes Router router) {
        router.get("/console-config.json").order(-100).handler(this::config);
        // before the REST layer, whose own 404 (a problem of ProblemMappers) would answer first; files (with a dot)
        // are left to Quarkus' static handler, / and client routes answer index.html
        router.routeWithRegex(CLIENT_ROUTE.pattern()).order(-50).handler(this::page);
    }

    private void config(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(config);
    }

    private void page(RoutingContext ctx) {
        if (!ctx.request().method().name().equals("GET") && !ctx.request().method().name().equals("HEAD")) {
            ctx.next();
            return;
        }
        if (index.isEmpty()) {
            Problems.send(ctx, 404, "not-found", "Not Found",
                    "The console is not part of this build (built with -Dduban.console.skip=true).");
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(index.get());
    }

    private static Optional<Buffer> readIndex() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/index.html")) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
