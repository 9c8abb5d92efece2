package org.duban.platform.outbound;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The connection goes to the address the policy checked, whatever the name resolves to later, the
 * Host header still names the host, and a redirect is an answer, not followed.
 */
class PinnedHttpClientTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            seen.add(request.method() + " " + request.uri() + " Host=" + request.getHeader("Host") + " " + body);
            if (request.path().equals("/moved")) {
                request.response().setStatusCode(302).putHeader("Location", "http://127.0.0.1:" + request.localAddress().port() + "/target").end("moved");
            } else {
                request.response().setStatusCode(200).end("  ok\n thanks  ");
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectsToTheCheckedAddressWithTheNameInTheHostHeaderAndFollowsNoRedirect() throws Exception {
        int port = server.actualPort();
        // the name resolves once, to loopback, which this policy allows (as a test profile would)
        AtomicReference<String> dns = new AtomicReference<>("127.0.0.1");
        OutboundPolicy policy = new OutboundPolicy(List.of(), List.of("127.0.0.0/8"), Map.of(),
                host -> List.of(InetAddress.getByName(dns.get())));
        PinnedHttpClient client = PinnedHttpClient.create(vertx);
        OutboundTarget target = policy.check("http://oa.example.test:" + port + "/hook?x=1");
        dns.set("192.0.2.1"); // the name now points elsewhere (TEST-NET, nothing answers): the connection must not follow

        PinnedHttpClient.Answer answer = client.post(target, Map.of("Content-Type", "application/json"), "{\"a\":1}",
                Duration.ofSeconds(2), Duration.ofSeconds(5), 200).get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.status());
        assertEquals("ok thanks", answer.snippet());
        dns.set("127.0.0.1");

        PinnedHttpClient.Answer moved = client.post(policy.check("http://oa.example.test:" + port + "/moved"), Map.of(), "{}",
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3).get(10, TimeUnit.SECONDS);
        assertEquals(302, moved.status());
        assertEquals("mov", moved.snippet());
        assertEquals(List.of("POST /hook?x=1 Host=oa.example.test:" + port + " {\"a\":1}",
                "POST /moved Host=oa.example.test:" + port + " {}"), seen, "the redirect's target is never asked");
    }

    @Test
    void aClosedPortFailsTheFuture() throws Exception {
        OutboundPolicy policy = new OutboundPolicy(List.of(), List.of("127.0.0.0/8"), Map.of(), HostResolver.SYSTEM);
        PinnedHttpClient client = PinnedHttpClient.create(vertx);
        assertThrows(Exception.class, () -> client.post(policy.check("http://127.0.0.1:9/"), Map.of(), "{}",
                Duration.ofSeconds(1), Duration.ofSeconds(2), 10).get(10, TimeUnit.SECONDS));
    }
}
