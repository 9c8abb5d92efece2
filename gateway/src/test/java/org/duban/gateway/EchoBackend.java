package org.duban.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.duban.testsupport.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Local HTTP servers standing in for the services: they answer with what they received, so a test
 * can see exactly what the gateway forwarded, and serve an OpenAPI document of their own at
 * {@code /q/openapi} ({@code openapi/unit-service.json}, {@code openapi/task-service.json}).
 * {@code /api/tasks/slow} (and any path with the query parameter {@code slow}) answers after 3 s, or after
 * {@code slow=<ms>}; {@code /api/tasks/cut-short} promises 100,000 bytes and
 * hangs up after a few, {@code /api/tasks/cut-chunked} breaks off a chunked answer;
 * {@code /api/units/hop} answers with hop-by-hop headers of its own. The reminder-service is pointed
 * at a port nobody listens on. Tokens come from the test issuer.
 */
public class EchoBackend implements QuarkusTestResourceLifecycleManager {

    private HttpServer units;
    private HttpServer tasks;

    @Override
    public Map<String, String> start() {
        units = serve("unit-service");
        tasks = serve("task-service");
        return Map.of(
                "duban.gateway.services.unit-service.url", url(units),
                "duban.gateway.services.task-service.url", url(tasks),
                "duban.gateway.services.reminder-service.url", "http://127.0.0.1:" + closedPort(),
                "duban.gateway.request-timeout", "1s",
                "duban.gateway.long-timeout", "4s",
                "duban.gateway.max-request-size", "64K",
                "duban.gateway.max-upload-size", "256K",
                "quarkus.oidc.auth-server-url", TestTokens.issuer());
    }

    private static HttpServer serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> echo(service, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void echo(String service, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/q/openapi")) {
            try (InputStream doc = EchoBackend.class.getResourceAsStream("/openapi/" + service + ".json")) {
                byte[] bytes = doc.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
                return;
            }
        }
        if (path.equals("/api/tasks/cut-short")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 100_000);
            exchange.getResponseBody().write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.close(); // fewer bytes than promised: the server drops the connection
            return;
        }
        if (path.equals("/api/tasks/cut-chunked")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"items\":[".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            throw new IllegalStateException("the service fails mid-answer"); // the server drops the connection
        }
        if (path.equals("/api/units/hop")) {
            exchange.getResponseHeaders().add("Connection", "X-Backend-Hop");
            exchange.getResponseHeaders().add("X-Backend-Hop", "private");
            exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
            exchange.getResponseHeaders().add("X-Request-Id", "the-services-own");
        }
        long slow = path.equals("/api/tasks/slow") ? 3000 : slowness(exchange.getRequestURI().getQuery());
        if (slow > 0) {
            try {
                Thread.sleep(slow); // longer than the gateway's request timeout in this test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String answer = "{"
                + "\"service\":\"" + service + "\","
                + "\"method\":\"" + exchange.getRequestMethod() + "\","
                + "\"uri\":\"" + exchange.getRequestURI() + "\","
                + "\"authorization\":\"" + header(exchange, "Authorization") + "\","
                + "\"requestId\":\"" + header(exchange, "X-Request-Id") + "\","
                + "\"contentType\":\"" + header(exchange, "Content-Type") + "\","
                + "\"ifMatch\":\"" + header(exchange, "If-Match").replace("\"", "\\\"") + "\","
                + "\"custom\":\"" + header(exchange, "X-Custom") + "\","
                + "\"connection\":\"" + header(exchange, "X-Hop") + "\","
                + "\"bodyLength\":" + body.length + ","
                + "\"body\":\"" + new String(body, StandardCharsets.UTF_8).replace("\"", "\\\"") + "\""
                + "}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("ETag", "\"7\"");
        exchange.getResponseHeaders().add("X-Backend", service);
        int status = path.endsWith("/missing") ? 404 : exchange.getRequestMethod().equals("POST") ? 201 : 200;
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** {@code slow}: 3 s; {@code slow=<ms>}; else 0. */
    private static long slowness(String query) {
        if (query == null) {
            return 0;
        }
        for (String param : query.split("&")) {
            if (param.equals("slow")) {
                return 3000;
            }
            if (param.startsWith("slow=")) {
                return Long.parseLong(param.substring("slow=".length()));
            }
        }
        return 0;
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
        if (units != null) {
            units.stop(0);
        }
        if (tasks != null) {
            tasks.stop(0);
        }
    }
}
