package org.duban.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.traffic.BodyLimits;
import org.duban.gateway.traffic.BodySizeLimit;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Forwards every request under a routed prefix to its service with Vert.x' reverse proxy
 * (vertx-http-proxy): method, path, query, headers (the bearer token included) and body stream through
 * unchanged, and so does the answer. Its interceptors, outermost first: {@link ServiceFailures} (502 or
 * 504 problems), {@link BodySizeLimit} (413 for a streamed body over the limit), {@link ForwardedHeaders}.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    private final RoutingConfig config;
    private final RouteTable table;
    private final BodySizeLimit bodySizeLimit;
    private final BodyLimits bodyLimits;
    private final Pattern streamPaths;
    private final Pattern longPaths;

    ServiceProxy(RoutingConfig config, BodySizeLimit bodySizeLimit, BodyLimits bodyLimits) {
        this.config = config;
        this.bodySizeLimit = bodySizeLimit;
        this.bodyLimits = bodyLimits;
        this.streamPaths = Pattern.compile(config.streamPaths());
        this.longPaths = Pattern.compile(config.longPaths());
        Map<String, Map.Entry<URI, List<String>>> services = new LinkedHashMap<>();
        config.services().forEach((name, service) ->
                services.put(name, new AbstractMap.SimpleImmutableEntry<>(service.url(), service.prefixes())));
        this.table = RouteTable.of(services);
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setDecompressionSupported(false));
        Map<String, HttpProxy> proxies = new HashMap<>();
        for (RouteTable.Route route : table.routes()) {
            HttpProxy proxy = proxies.computeIfAbsent(route.service(), service -> proxyTo(client, service, route.target()));
            router.routeWithRegex(route.regex()).order(-100)
                    .handler(ctx -> proxy.handle(ctx.request()));
            LOG.infof("Routing %s/** to %s at %s", route.prefix(), route.service(), route.target());
        }
    }

    /**
     * How long the service may stay silent: an upload's answer comes only once the whole file is in, an event stream
     * is silent between events and heartbeats, a plan import answers once the whole plan is laid out; anything else
     * has {@code request-timeout}.
     */
    private long idleTimeout(io.vertx.core.http.HttpMethod method, String path, Timeouts timeouts) {
        if (bodyLimits.isUpload(method, path)) {
            return timeouts.upload();
        }
        if (path != null && streamPaths.matcher(path).matches()) {
            return timeouts.stream();
        }
        return path != null && longPaths.matcher(path).matches() ? timeouts.longPath() : timeouts.request();
    }

    /** The idle timeouts in milliseconds, read once. */
    private record Timeouts(long request, long upload, long stream, long longPath) {
    }

    public RouteTable table() {
        return table;
    }

    private HttpProxy proxyTo(HttpClient client, String service, URI target) {
        boolean ssl = "https".equalsIgnoreCase(target.getScheme());
        int port = target.getPort() > 0 ? target.getPort() : ssl ? 443 : 80;
        Timeouts timeouts = new Timeouts(config.requestTimeout().toMillis(), config.uploadTimeout().toMillis(),
                config.streamTimeout().toMillis(), config.longTimeout().toMillis());
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(context -> client.request(new RequestOptions()
                                .setHost(target.getHost()).setPort(port).setSsl(ssl)
                                .setIdleTimeout(idleTimeout(context.request().getMethod(),
                                        context.request().proxiedRequest().path(), timeouts)))
                        .map(request -> {
                            context.set(AnswerRelay.SERVICE_REQUEST, request);
                            return request.exceptionHandler(failure -> { }); // its answer fails too: ServiceFailures
                        })
                        .recover(failure -> Future.failedFuture(new ServiceFailures.Unreachable(failure))))
                .addInterceptor(new ServiceFailures(service))
                .addInterceptor(bodySizeLimit)
                .addInterceptor(new ForwardedHeaders(target.getPath()));
    }
}
