package org.duban.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Sends a service's answer on to the caller as the proxy itself does (status, headers, the body streamed
 * with its length or chunked), with one difference: when writing to the caller fails, the service's
 * request is reset only while its answer is still coming in.
 *
 * <p>The proxy resets it in any case, and in Vert.x 4.5 resetting a request whose answer has already
 * arrived closes the connection it used — which by then is back in the pool and may carry the next
 * caller's request: that caller got a 502 (vert.x issue 6294, met by the hostile campaign). A caller
 * that hangs up the moment it has its answer (a closed browser tab, a script) is enough.
 */
final class AnswerRelay {

    /** The caller went away after the service's whole answer had come in: nothing is wrong with the service. */
    static final class CallerGone extends RuntimeException {
        CallerGone(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }

    /** Where {@link ServiceProxy} leaves the request to the service in the proxy's context. */
    static final String SERVICE_REQUEST = "duban.service-request";

    /** How long the rest of an answer is read and dropped after the caller left, before the service is stopped. */
    private static final long DRAIN_MILLIS = 1_000;

    private AnswerRelay() {
    }

    static Future<Void> send(ProxyContext context) {
        ProxyResponse answer = context.response();
        HttpServerRequest caller = context.request().proxiedRequest();
        HttpClientRequest serviceRequest = context.get(SERVICE_REQUEST, HttpClientRequest.class);
        Body body = answer.getBody();
        if (serviceRequest == null || body == null || (body.length() < 0 && caller.version() == HttpVersion.HTTP_1_0)) {
            return context.sendResponse(); // nothing streams, or it must be buffered for HTTP/1.0: the proxy's own way
        }
        HttpServerResponse out = caller.response();
        out.setStatusCode(answer.getStatusCode());
        if (answer.getStatusMessage() != null) {
            out.setStatusMessage(answer.getStatusMessage());
        }
        answer.headers().forEach(header -> {
            if (!header.getKey().equalsIgnoreCase("transfer-encoding")) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        if (!out.headers().contains(HttpHeaders.DATE)) {
            out.putHeader(HttpHeaders.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        if (body.length() >= 0) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(body.length()));
        } else {
            out.setChunked(true);
        }
        // The proxy left a handler on the caller's answer that resets the service request whenever writing to
        // the caller fails, whether or not the service's answer has all come in: replaced here, the pipe below
        // sees the failed write and decides.
        out.exceptionHandler(ignored -> { });
        EndSeen source = new EndSeen(body.stream());
        Promise<Void> sent = Promise.promise();
        source.pipe().endOnFailure(false).to(out, done -> {
            if (done.succeeded()) {
                sent.complete();
                return;
            }
            out.reset();
            if (source.ended) {
                sent.fail(new CallerGone(done.cause()));
                return;
            }
            stopUnlessItEnds(source, serviceRequest);
            sent.fail(done.cause());
        });
        return sent.future();
    }

    /**
     * The service's answer may have come in whole while its end still waits behind the paused stream — and then
     * the connection is already back in the pool, carrying another caller's request, and a reset would close it
     * under that request. So the rest of the answer is read and dropped for a moment, and the service request
     * is reset only if its answer is really still coming after that.
     */
    private static void stopUnlessItEnds(EndSeen source, HttpClientRequest serviceRequest) {
        Context context = Vertx.currentContext();
        if (context == null) {
            serviceRequest.reset();
            return;
        }
        Vertx vertx = context.owner();
        long timer = vertx.setTimer(DRAIN_MILLIS, fired -> {
            if (!source.ended) {
                serviceRequest.reset();
            }
        });
        source.exceptionHandler(failure -> vertx.cancelTimer(timer));
        source.endHandler(end -> vertx.cancelTimer(timer));
        source.handler(dropped -> { });
        source.resume();
    }

    /** The service's answer body, noting when it has all come in. */
    private static final class EndSeen implements ReadStream<Buffer> {

        private final ReadStream<Buffer> stream;
        private volatile boolean ended;

        EndSeen(ReadStream<Buffer> stream) {
            this.stream = stream;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            stream.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            stream.handler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            stream.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            stream.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            stream.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            stream.endHandler(handler == null ? null : end -> {
                ended = true;
                handler.handle(end);
            });
            return this;
        }
    }
}
