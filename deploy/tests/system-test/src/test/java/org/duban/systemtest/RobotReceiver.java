package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The WeCom, DingTalk and Feishu group robots of the units, on one local port. Each checks what its
 * platform checks — the message's shape and, for DingTalk and Feishu robots with a secret, the signature
 * (with its own code, as each platform documents it, the timestamp within an hour) — and answers like the
 * platform: HTTP 200 with errcode/code 0, or with the platform's error code.
 */
final class RobotReceiver implements AutoCloseable {

    /** A message a group was shown: the robot's token and the markdown text. */
    record Message(String token, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Message> shown = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    RobotReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String wecom(String key) {
        return base() + "/cgi-bin/webhook/send?key=" + key;
    }

    String dingtalk(String token, String secret) {
        secrets.put(token, secret);
        return base() + "/robot/send?access_token=" + token;
    }

    String feishu(String token, String secret) {
        secrets.put(token, secret);
        return base() + "/open-apis/bot/v2/hook/" + token;
    }

    /** What the group of {@code token} was shown, in order. */
    List<String> shown(String token) {
        return shown.stream().filter(m -> m.token().equals(token)).map(Message::text).toList();
    }

    /** Requests the platforms refused (bad signature or shape). */
    List<String> refused() {
        return List.copyOf(refused);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String answer;
        try {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (path.equals("/cgi-bin/webhook/send")) {
                String content = body.at("/markdown/content").asText("");
                answer = "markdown".equals(body.path("msgtype").asText()) && !content.isBlank()
                        && content.getBytes(StandardCharsets.UTF_8).length <= 4096
                        ? show(param(query, "key"), content, "{\"errcode\":0,\"errmsg\":\"ok\"}")
                        : refuse(path, "{\"errcode\":40058,\"errmsg\":\"invalid markdown\"}");
            } else if (path.equals("/robot/send")) {
                String token = param(query, "access_token");
                String timestamp = param(query, "timestamp");
                boolean signed = timestamp != null && Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) < 3_600_000
                        && hmac(secrets.get(token), timestamp + "\n" + secrets.get(token)).equals(param(query, "sign"));
                answer = signed && "markdown".equals(body.path("msgtype").asText())
                        ? show(token, body.at("/markdown/text").asText(), "{\"errcode\":0,\"errmsg\":\"ok\"}")
                        : refuse(path, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
            } else if (path.startsWith("/open-apis/bot/v2/hook/")) {
                String token = path.substring("/open-apis/bot/v2/hook/".length());
                String timestamp = body.path("timestamp").asText("0");
                String secret = secrets.get(token);
                boolean signed = secret != null && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 3600
                        && hmacWithKey(timestamp + "\n" + secret).equals(body.path("sign").asText());
                answer = signed && "interactive".equals(body.path("msg_type").asText())
                        ? show(token, body.at("/card/header/title/content").asText() + "\n" + body.at("/card/elements/0/content").asText(),
                        "{\"code\":0,\"msg\":\"success\",\"data\":{}}")
                        : refuse(path, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
            } else {
                answer = refuse(path, "{\"errcode\":404,\"errmsg\":\"unknown robot\"}");
            }
        } catch (Exception e) {
            answer = refuse(e.toString(), "{\"errcode\":40000,\"errmsg\":\"bad request\"}");
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String show(String token, String text, String answer) {
        shown.add(new Message(token, text));
        return answer;
    }

    private String refuse(String what, String answer) {
        refused.add(what + " → " + answer);
        return answer;
    }

    private static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hmacWithKey(String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(new byte[0]));
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
