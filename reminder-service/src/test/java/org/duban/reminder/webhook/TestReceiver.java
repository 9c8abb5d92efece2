package org.duban.reminder.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.duban.testsupport.WebhookSignatures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A webhook receiver on a local port, as an OA system would run one: it verifies each request the
 * Standard Webhooks way with its own implementation (not the service's) and answers 401 to a bad
 * signature; otherwise it answers the scripted status codes, then 200.
 */
public final class TestReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String path, String id, String timestamp, String signature, String contentType, byte[] body,
                    boolean signatureValid) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String secret;
    private final Supplier<Instant> now;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hang;
    private volatile int always;

    private TestReceiver(String secret, Supplier<Instant> now) {
        this.secret = secret;
        this.now = now;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers {@code statuses} in turn, then 200 to every valid request. */
    public static TestReceiver answering(String secret, Supplier<Instant> now, Integer... statuses) {
        TestReceiver receiver = new TestReceiver(secret, now);
        receiver.script.addAll(List.of(statuses));
        receiver.always = 200;
        return receiver;
    }

    /** Answers {@code status} to every valid request. */
    static TestReceiver always(String secret, Supplier<Instant> now, int status) {
        TestReceiver receiver = new TestReceiver(secret, now);
        receiver.always = status;
        return receiver;
    }

    /** Never answers until closed: slower than any timeout. */
    static TestReceiver hanging(String secret, Supplier<Instant> now) {
        TestReceiver receiver = new TestReceiver(secret, now);
        receiver.hang = true;
        receiver.always = 200;
        return receiver;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Sends a request to this receiver as an attacker would: someone else's headers, a body of one's own. */
    int post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            boolean valid = WebhookSignatures.verify(secret, headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, now.get());
            received.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
                    headers.getFirst("Content-Type"), body, valid));
            if (hang) {
                released.await(30, TimeUnit.SECONDS);
            }
            int status;
            if (!valid) {
                status = 401;
            } else {
                synchronized (script) {
                    Integer next = script.poll();
                    status = next != null ? next : always;
                }
            }
            byte[] answer = (status >= 300 ? "refused by the test receiver" : "ok").getBytes(StandardCharsets.UTF_8);
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", url("/redirected")); // a sender must not follow it
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
