package org.duban.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The gateway's own RFC 9457 answers (bad gateway, timeout, too many requests, too large, not found),
 * shaped like the services' problems. The gateway does not link the platform module: that brings a
 * database and Kafka, and the gateway owns neither.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:duban:problem:";

    private Problems() {
    }

    public static JsonObject body(int status, String type, String title, String detail, String instance) {
        return new JsonObject()
                .put("type", TYPE_PREFIX + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
    }

    /** Answers with a problem unless the answer has begun, in which case the connection is reset. */
    public static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body(status, type, title, detail, ctx.request().path()).encode());
    }

    /**
     * The proxy's answer instead of the service's: what is left of the request body is read and
     * dropped, and the problem goes back through the proxy's interceptors like any answer.
     */
    public static ProxyResponse proxied(ProxyRequest request, int status, String type, String title, String detail) {
        String path = request.proxiedRequest().path();
        return request.release().response()
                .setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .setBody(Body.body(Buffer.buffer(body(status, type, title, detail, path).encode())));
    }
}
