package org.duban.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.duban.gateway.traffic.RequestIds;

import java.util.HashSet;
import java.util.Set;

/**
 * The headers a request and its answer change on their way through the gateway: hop-by-hop headers
 * (RFC 9110 §7.6.1, and whatever {@code Connection} names) stay behind both ways; the service gets the
 * request's id and {@code X-Forwarded-For/-Host/-Proto}; the answer keeps the gateway's request id
 * only. The path goes below the service's base path, if its URL has one.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final String basePath;

    ForwardedHeaders(String basePath) {
        this.basePath = basePath == null || basePath.equals("/") ? "" : basePath.replaceFirst("/$", "");
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest in = request.proxiedRequest();
        MultiMap headers = request.headers();
        dropHopByHop(headers);
        headers.set(RequestIds.HEADER, RequestIds.of(in));
        headers.set("X-Forwarded-Host", in.authority() == null ? "" : in.authority().toString());
        headers.set("X-Forwarded-Proto", in.scheme());
        String remote = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (remote != null) {
            String chain = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", chain == null ? remote : chain + ", " + remote);
        }
        if (!basePath.isEmpty()) {
            request.setURI(basePath + request.getURI());
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        dropHopByHop(headers);
        headers.remove(RequestIds.HEADER); // the answer carries the gateway's already
        return context.sendResponse();
    }

    static void dropHopByHop(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection != null) {
            Set<String> named = new HashSet<>();
            for (String token : connection.split(",")) {
                named.add(token.trim());
            }
            named.forEach(headers::remove); // MultiMap names are case-insensitive
        }
        HOP_BY_HOP.forEach(headers::remove);
    }
}
