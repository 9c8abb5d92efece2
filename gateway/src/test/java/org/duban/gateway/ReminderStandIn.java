package org.duban.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A stand-in reminder-service for the live inbox and the calendar feeds: {@code /api/notifications/stream} answers an
 * event stream (one event naming the Authorization and Last-Event-ID it got, then 2.5 s of silence — longer than the
 * gateway's request timeout in the tests — and a second event), {@code /api/notifications/slow} stays silent as long
 * and then answers; {@code /api/calendar-feeds/<x>.ics} answers a calendar with an ETag, 304 to If-None-Match with it;
 * any other path echoes method, path and Authorization. Its address wins over {@link EchoBackend}'s.
 */
public class ReminderStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Duban//test//ZH\r\nEND:VCALENDAR\r\n";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", ReminderStandIn::answer);
        server.start();
        return Map.of("duban.gateway.services.reminder-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (path.equals("/api/notifications/stream")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "id: 41\nevent: notification\ndata: {\"authorization\":\"" + auth + "\",\"lastEventId\":\""
                    + exchange.getRequestHeaders().getFirst("Last-Event-ID") + "\"}\n\n");
            pause(2500);
            write(out, "id: 42\nevent: notification\ndata: {\"id\":42}\n\n");
            exchange.close();
            return;
        }
        if (path.equals("/api/notifications/slow")) {
            pause(2500);
        }
        if (path.startsWith("/api/calendar-feeds/")) {
            String etag = "\"feed-1\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] body = ICS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.getResponseHeaders().add("X-Authorization-Seen", auth);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        byte[] body = ("{\"service\":\"reminder-service\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\"" + path
                + "\",\"authorization\":\"" + auth + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After {@link EchoBackend} (which every test of this module gets): this address wins. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
