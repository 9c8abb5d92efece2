package org.duban.gateway.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for a backend service: it answers with what it received, so a
 * test can see exactly what the gateway forwarded. {@code /api/tasks/slow} answers after 3 s.
 * The reminder-service is pointed at a port nobody listens on.
 */
public class EchoBackend implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", EchoBackend::echo);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "duban.gateway.services.unit-service.url", url,
                "duban.gateway.services.task-service.url", url,
                "duban.gateway.services.reminder-service.url", "http://127.0.0.1:" + closedPort(),
                "duban.gateway.request-timeout", "1s");
    }

    private static void echo(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/api/tasks/slow")) {
            try {
                Thread.sleep(3000); // longer than the gateway's request timeout in this test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String answer = "{"
                + "\"method\":\"" + exchange.getRequestMethod() + "\","
                + "\"uri\":\"" + exchange.getRequestURI() + "\","
                + "\"authorization\":\"" + header(exchange, "Authorization") + "\","
                + "\"requestId\":\"" + header(exchange, "X-Request-Id") + "\","
                + "\"contentType\":\"" + header(exchange, "Content-Type") + "\","
                + "\"connection\":\"" + header(exchange, "X-Hop") + "\","
                + "\"bodyLength\":" + body.length + ","
                + "\"body\":\"" + new String(body, StandardCharsets.UTF_8).replace("\"", "\\\"") + "\""
                + "}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("ETag", "\"7\"");
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
