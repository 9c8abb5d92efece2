package org.duban.gateway.traffic;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked), passed on as it streams until it grows past the
 * limit; then it fails with {@link TooLarge} (the proxy resets the forwarded request) and the rest
 * is read and dropped, so that the 413 answer can be sent.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** The body grew past the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> body;
    private final long limit;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> body, long limit) {
        this.body = body;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        if (!exceeded) {
            body.exceptionHandler(handler);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (exceeded) {
            return this; // draining
        }
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(chunk -> {
            seen += chunk.length();
            if (seen > limit) {
                exceed();
            } else {
                handler.handle(chunk);
            }
        });
        return this;
    }

    private void exceed() {
        exceeded = true;
        body.exceptionHandler(null);
        body.endHandler(null);
        body.handler(chunk -> { }); // read and drop the rest
        Handler<Throwable> failed = exceptionHandler;
        if (failed != null) {
            failed.handle(new TooLarge(limit));
        }
        body.resume();
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!exceeded) {
            body.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        if (!exceeded) {
            body.endHandler(handler);
        }
        return this;
    }
}
