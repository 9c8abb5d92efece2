package org.duban.gateway.traffic;

import io.vertx.core.Future;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.gateway.problem.Problems;
import org.jboss.logging.Logger;

/**
 * The size limit for a body sent without a length (chunked), as the proxy streams it: once it grows
 * past its limit ({@link BodyLimits}: {@code max-request-size}, or {@code max-upload-size} for an
 * upload) the forwarded request is reset and the answer is a 413 problem.
 * (A declared {@code Content-Length} over the limit never gets this far: {@link TrafficGuards}.)
 */
@ApplicationScoped
public class BodySizeLimit implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);

    private final BodyLimits limits;

    BodySizeLimit(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body == null || body.length() >= 0) {
            return context.sendRequest();
        }
        long limit = limits.limitFor(request.getMethod(), request.proxiedRequest().path());
        LimitedBody limited = new LimitedBody(body.stream(), limit);
        request.setBody(Body.body(limited));
        return context.sendRequest().recover(failure -> {
            if (!limited.exceeded()) {
                return Future.failedFuture(failure);
            }
            LOG.warnf("%s %s → 413: the streamed body passed %d bytes; the forwarded request was reset",
                    request.getMethod(), request.proxiedRequest().path(), limit);
            request.proxiedRequest().response().putHeader("Connection", "close");
            return Future.succeededFuture(Problems.proxied(request, 413, "too-large", "Content too large",
                    "The request body is larger than the " + limit + " bytes accepted"));
        });
    }
}
