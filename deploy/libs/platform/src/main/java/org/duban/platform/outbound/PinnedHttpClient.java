package org.duban.platform.outbound;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a request to a {@link OutboundTarget} over the connection the policy checked: the TCP
 * connection goes to {@link OutboundTarget#address()} (Vert.x {@code RequestOptions.setServer}, no
 * second DNS lookup), while the Host header, TLS SNI and the certificate's host name check use
 * {@link OutboundTarget#host()}. Redirects are never followed: a 3xx is an answer like any other.
 * (The JDK's {@code java.net.http.HttpClient} cannot do this: it resolves the URL's host itself, and
 * an address in the URL would lose the Host header and the certificate check.)
 */
@ApplicationScoped
public class PinnedHttpClient {

    /** An answer: its status and the first bytes of its body (for a log), whitespace folded. */
    public record Answer(int status, String snippet) {
    }

    private final HttpClient client;

    PinnedHttpClient(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setMaxPoolSize(64)
                .setKeepAlive(true));
    }

    /** A client of its own (tests, tools). */
    public static PinnedHttpClient create(Vertx vertx) {
        return new PinnedHttpClient(vertx);
    }

    /**
     * POSTs {@code body}; the future fails with the connection's or TLS's exception, or completes with
     * the answer (whatever its status).
     *
     * @param keepBytes how much of the answer's body to keep; the rest is read and dropped
     */
    public CompletableFuture<Answer> post(OutboundTarget target, Map<String, String> headers, String body,
                                          Duration connectTimeout, Duration timeout, int keepBytes) {
        return send(target, HttpMethod.POST, headers, body, connectTimeout, timeout, keepBytes);
    }

    public CompletableFuture<Answer> send(OutboundTarget target, HttpMethod method, Map<String, String> headers,
                                          String body, Duration connectTimeout, Duration timeout, int keepBytes) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        Future<Answer> answer = client.request(options).compose(request -> {
            Promise<Answer> done = Promise.promise();
            // handlers are set in the head's callback, on the event loop, before any body chunk is read
            request.response(head -> {
                if (head.failed()) {
                    done.tryFail(head.cause());
                    return;
                }
                HttpClientResponse response = head.result();
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                response.handler(chunk -> {
                    int n = Math.min(chunk.length(), keepBytes - kept.size());
                    if (n > 0) {
                        kept.writeBytes(chunk.getBytes(0, n));
                    }
                });
                response.exceptionHandler(done::tryFail);
                response.endHandler(v -> done.tryComplete(new Answer(response.statusCode(),
                        new String(kept.toByteArray(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip())));
            });
            request.exceptionHandler(done::tryFail);
            (body == null ? request.end() : request.end(Buffer.buffer(body, "UTF-8"))).onFailure(done::tryFail);
            return done.future();
        });
        return answer.toCompletionStage().toCompletableFuture();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
