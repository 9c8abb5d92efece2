package org.duban.gateway.traffic;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked), passed on as it streams until it grows past the
 * limit; then the rest is read and dropped, and {@code onExceeded} runs (the proxy resets the
 * forwarded request and answers 413).
 */
public final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final long limit;
    private long seen;
    private boolean exceeded;
    private final Runnable onExceeded;

    public LimitedBody(ReadStream<Buffer> body, long limit, Runnable onExceeded) {
        this.body = body;
        this.limit = limit;
        this.onExceeded = onExceeded;
    }

    public boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            if (!exceeded) {
                body.handler(null);
            }
            return this;
        }
        body.handler(chunk -> {
            if (exceeded) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                exceeded = true;
                body.handler(c -> { }); // keep reading, drop the rest
                body.resume();
                onExceeded.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
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
        body.endHandler(end -> {
            if (!exceeded && handler != null) {
                handler.handle(end);
            }
        });
        return this;
    }
}
