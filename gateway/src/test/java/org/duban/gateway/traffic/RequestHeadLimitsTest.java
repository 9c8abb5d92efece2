package org.duban.gateway.traffic;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.duban.gateway.EchoBackend;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * An over-long request line and too many bytes of headers are refused like every other error: a
 * problem with the request's id, not Vert.x' bare 414/431. Raw sockets, so that the request line and
 * the header bytes are exactly what the test says (limits: 4096 characters, 20 KiB).
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class RequestHeadLimitsTest {

    private static final int MAX_LINE = 4096;
    private static final int MAX_HEADERS = 20 * 1024;
    /** "GET " and " HTTP/1.1" around the target. */
    private static final int LINE_AROUND_TARGET = 13;
    /** "Host: localhost" */
    private static final int HOST_LINE = 15;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aRequestLineOneCharacterTooLongIsA414Problem() throws IOException {
        Answer answer = send("GET " + target("/api/units?q=", MAX_LINE + 1) + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: long-line-1\r\n\r\n");

        assertEquals(414, answer.status());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        assertEquals("long-line-1", answer.headers().get("x-request-id"));
        assertEquals("close", answer.headers().get("connection"));
        JsonObject problem = new JsonObject(answer.body());
        assertEquals("urn:duban:problem:uri-too-long", problem.getString("type"));
        assertEquals(414, problem.getInteger("status"));
        assertEquals("The request line has 4097 characters; at most 4096 are accepted", problem.getString("detail"));
        assertEquals("/api/units", problem.getString("instance"));
    }

    @Test
    void aRequestLineJustAtTheLimitIsServed() throws IOException {
        Answer answer = send("GET " + target("/api/units?q=", MAX_LINE) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("unit-service", new JsonObject(answer.body()).getString("service"));
    }

    @Test
    void aLongLineOutsideTheApiIsA414ProblemToo() throws IOException {
        Answer answer = send("GET " + target("/q/health?x=", 30_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertEquals(414, answer.status());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        assertEquals("/q/health", new JsonObject(answer.body()).getString("instance"));
    }

    @Test
    void headerFieldsOneByteTooLargeAreA431Problem() throws IOException {
        Answer answer = send("GET /api/units HTTP/1.1\r\nHost: localhost\r\n" + filler(MAX_HEADERS + 1 - HOST_LINE) + "\r\n");

        assertEquals(431, answer.status());
        assertEquals("application/problem+json", answer.headers().get("content-type"));
        assertFalse(answer.headers().getOrDefault("x-request-id", "").isEmpty());
        JsonObject problem = new JsonObject(answer.body());
        assertEquals("urn:duban:problem:header-fields-too-large", problem.getString("type"));
        assertEquals(431, problem.getInteger("status"));
        assertEquals("The request's header fields have 20481 bytes; at most 20480 are accepted", problem.getString("detail"));
    }

    @Test
    void headerFieldsJustAtTheLimitAreServed() throws IOException {
        Answer answer = send("GET /api/units HTTP/1.1\r\nHost: localhost\r\n" + filler(MAX_HEADERS - HOST_LINE) + "\r\n");

        assertEquals(200, answer.status(), answer.body());
    }

    @Test
    void manyHeadersTogetherCountLikeOneBigOne() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            headers.append("X-Part-").append(i < 10 ? "0" : "").append(i).append(": ").append("v".repeat(700)).append("\r\n");
        }
        Answer answer = send("GET /api/units HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n");

        assertEquals(431, answer.status()); // 30 × 711 bytes: each small, together over 20 KiB
        assertEquals("application/problem+json", answer.headers().get("content-type"));
    }

    /** {@code prefix} padded with letters so that {@code GET <target> HTTP/1.1} has {@code lineLength} characters. */
    private static String target(String prefix, int lineLength) {
        return prefix + "a".repeat(lineLength - LINE_AROUND_TARGET - prefix.length());
    }

    /** One header line ({@code X-Filler: ...\r\n}) that counts {@code bytes} bytes without its CRLF. */
    private static String filler(int bytes) {
        return "X-Filler: " + "f".repeat(bytes - "X-Filler: ".length()) + "\r\n";
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String status = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(), header.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
