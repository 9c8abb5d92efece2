package org.duban.gateway.routing;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.duban.gateway.problem.Problems;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeoutException;

/**
 * A service that cannot be reached is a 502 problem, one that stays silent past the request timeout
 * a 504, one that breaks off before it answers a 502 — never the proxy's bare status. Once an answer
 * has begun, a failure can only reset the connection; it is logged here. The answer goes out through
 * {@link AnswerRelay} (this is the innermost interceptor on the way back).
 */
final class ServiceFailures implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ServiceFailures.class);

    /** The connection to the service could not be opened. */
    static final class Unreachable extends RuntimeException {
        Unreachable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final String service;

    ServiceFailures(String service) {
        this.service = service;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            ProxyRequest request = context.request();
            int status;
            String detail;
            if (failure instanceof Unreachable) {
                status = 502;
                detail = service + " cannot be reached";
            } else if (failure instanceof TimeoutException) {
                status = 504;
                detail = service + " did not answer in time";
            } else {
                status = 502;
                detail = service + " failed to answer";
            }
            LOG.warnf("%s %s → %d: %s (%s)", request.getMethod(), request.proxiedRequest().path(), status, detail, failure);
            return Future.succeededFuture(status == 504
                    ? Problems.proxied(request, 504, "gateway-timeout", "Gateway timeout", detail)
                    : Problems.proxied(request, 502, "bad-gateway", "Bad gateway", detail));
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyRequest request = context.request();
        return AnswerRelay.send(context).onFailure(failure -> {
            if (failure instanceof AnswerRelay.CallerGone) {
                LOG.debugf("%s %s: the caller left before the answer from %s went out (%s)",
                        request.getMethod(), request.proxiedRequest().path(), service, failure.getMessage());
            } else {
                LOG.warnf("%s %s: the answer from %s broke off (%s); the caller's connection was reset, the service's request too unless its answer ended within a second",
                        request.getMethod(), request.proxiedRequest().path(), service, failure.toString());
            }
        });
    }
}
