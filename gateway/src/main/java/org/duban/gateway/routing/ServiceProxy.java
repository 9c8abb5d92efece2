package org.duban.gateway.routing;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.problem.Problems;
import org.duban.gateway.traffic.TrafficGuards;
import org.duban.gateway.traffic.LimitedBody;
import org.duban.gateway.traffic.TrafficConfig;
import org.jboss.logging.Logger;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Forwards every request under a routed prefix to its service: method, path, query, headers
 * (the bearer token included) and body are streamed through unchanged, and so is the answer.
 * A service that cannot be reached answers 502, one that stays silent too long 504, both as
 * RFC 9457 problems.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    public static final String REQUEST_ID = TrafficGuards.REQUEST_ID;

    /** Hop-by-hop headers (RFC 9110 §7.6.1) are the connection's own and never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final RoutingConfig config;
    private final TrafficConfig traffic;
    private final RouteTable table;
    private HttpClient client;

    ServiceProxy(RoutingConfig config, TrafficConfig traffic) {
        this.config = config;
        this.traffic = traffic;
        Map<String, Map.Entry<java.net.URI, java.util.List<String>>> services = new LinkedHashMap<>();
        config.services().forEach((name, service) ->
                services.put(name, new AbstractMap.SimpleImmutableEntry<>(service.url(), service.prefixes())));
        this.table = RouteTable.of(services);
    }

    void register(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setDecompressionSupported(false));
        for (RouteTable.Route route : table.routes()) {
            router.routeWithRegex(Pattern.quote(route.prefix()) + "(/.*)?").order(-100)
                    .handler(ctx -> forward(ctx, route));
            LOG.infof("Routing %s/** to %s at %s", route.prefix(), route.service(), route.target());
        }
    }

    public RouteTable table() {
        return table;
    }

    private void forward(RoutingContext ctx, RouteTable.Route route) {
        HttpServerRequest in = ctx.request();
        in.pause();
        String id = TrafficGuards.requestId(ctx);
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setAbsoluteURI(route.target().toString().replaceFirst("/$", "") + in.uri())
                .setIdleTimeout(config.requestTimeout().toMillis());
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                in.resume();
                problem(ctx, 502, "bad-gateway", "Bad gateway", route.service() + " cannot be reached", id, opened.cause());
                return;
            }
            var out = opened.result();
            copyHeaders(in.headers(), out.headers());
            out.headers().set(REQUEST_ID, id);
            out.headers().set("X-Forwarded-Host", in.authority() == null ? "" : in.authority().toString());
            out.headers().set("X-Forwarded-Proto", in.scheme());
            String remote = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
            if (remote != null) {
                String chain = in.getHeader("X-Forwarded-For");
                out.headers().set("X-Forwarded-For", chain == null ? remote : chain + ", " + remote);
            }
            // a declared length was checked before; a body of unknown length is counted as it streams
            LimitedBody limited = in.headers().contains(HttpHeaderNames.CONTENT_LENGTH) ? null
                    : new LimitedBody(in, traffic.maxRequestSize().asLongValue(), () -> {
                        out.reset();
                        ctx.response().putHeader("Connection", "close");
                        problem(ctx, 413, "too-large", "Content too large", "The request body is larger than the "
                                + traffic.maxRequestSize().asLongValue() + " bytes accepted", id, null);
                    });
            ReadStream<Buffer> body = limited == null ? in : limited;
            out.send(body).onComplete(answered -> {
                if (answered.failed()) {
                    if (limited != null && limited.exceeded()) {
                        return; // answered 413 already
                    }
                    boolean timedOut = answered.cause() instanceof TimeoutException
                            || answered.cause().getClass().getSimpleName().contains("Timeout");
                    if (timedOut) {
                        problem(ctx, 504, "gateway-timeout", "Gateway timeout", route.service() + " did not answer in time", id,
                                answered.cause());
                    } else {
                        problem(ctx, 502, "bad-gateway", "Bad gateway", route.service() + " failed to answer", id, answered.cause());
                    }
                    return;
                }
                relay(answered.result(), ctx.response(), id);
            });
        });
    }

    private static void relay(HttpClientResponse answer, HttpServerResponse response, String requestId) {
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        copyHeaders(answer.headers(), response.headers());
        response.headers().set(REQUEST_ID, requestId);
        if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        answer.pipeTo(response);
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        Set<String> named = connectionNamed(from);
        from.forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !name.equals("host")) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    /** Headers the Connection header lists are hop-by-hop too. */
    private static Set<String> connectionNamed(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection == null) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (String token : connection.split(",")) {
            names.add(token.trim().toLowerCase());
        }
        return names;
    }

    private static void problem(RoutingContext ctx, int status, String type, String title, String detail, String requestId,
                                Throwable cause) {
        LOG.warnf("%s %s → %d: %s (%s) [request %s]", ctx.request().method(), ctx.request().path(), status, detail,
                cause == null ? "" : cause.toString(), requestId);
        Problems.send(ctx, status, type, title, detail);
    }
}
