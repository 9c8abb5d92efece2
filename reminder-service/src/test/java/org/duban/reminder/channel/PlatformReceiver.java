package org.duban.reminder.channel;

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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * WeCom, DingTalk, Feishu and Alibaba Cloud SMS on one local port, as each platform behaves: it checks
 * the payload's shape and limits and, for a robot or account registered with a secret, the signature —
 * with its own implementation of each platform's documented algorithm, not the service's — and answers
 * like the platform: HTTP 200 with errcode/code 0, or HTTP 200 with an error code (Alibaba Cloud: its
 * Code). Failures can be scripted per token.
 */
final class PlatformReceiver implements AutoCloseable {

    /** One request as the platform saw it; {@code accepted} when it answered success. */
    record Received(String platform, String token, String query, String body, boolean accepted, String answer) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SMS_KEY_ID = "LTAI5tTestKeyId";
    static final String SMS_KEY_SECRET = "testKeySecret0123456789";

    private final HttpServer server;
    private volatile Supplier<Instant> now;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> scripted = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private volatile long delayMillis;

    PlatformReceiver(Supplier<Instant> now) {
        this.now = now;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/cgi-bin/webhook/send", e -> handle(e, this::wecom));
        server.createContext("/robot/send", e -> handle(e, this::dingtalk));
        server.createContext("/open-apis/bot/v2/hook/", e -> handle(e, this::feishu));
        server.createContext("/sms/", e -> handle(e, this::aliyun));
        server.start();
    }

    /** The platform's clock, against which it checks a signature's timestamp. */
    void clock(Supplier<Instant> now) {
        this.now = now;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String wecomUrl(String key) {
        return base() + "/cgi-bin/webhook/send?key=" + key;
    }

    String dingtalkUrl(String token) {
        return base() + "/robot/send?access_token=" + token;
    }

    String feishuUrl(String token) {
        return base() + "/open-apis/bot/v2/hook/" + token;
    }

    String smsEndpoint() {
        return base() + "/sms/";
    }

    /** The robot {@code token} checks signatures with {@code secret} (DingTalk 加签, Feishu 签名校验). */
    PlatformReceiver signed(String token, String secret) {
        secrets.put(token, secret);
        return this;
    }

    /** The next answers to {@code token} are these platform errors (e.g. {@code 45009}), then success. */
    PlatformReceiver failing(String token, String... codes) {
        scripted.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(codes));
        return this;
    }

    /** Answers only after this long (the benchmark's 50 ms). */
    PlatformReceiver delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    List<Received> received(String token) {
        return List.copyOf(received.getOrDefault(token, List.of()));
    }

    List<Received> accepted(String token) {
        return received(token).stream().filter(Received::accepted).toList();
    }

    /** How many of {@code tokens} had a message accepted. */
    long acceptedBy(java.util.Collection<String> tokens) {
        return tokens.stream().filter(t -> received(t).stream().anyMatch(Received::accepted)).count();
    }

    @FunctionalInterface
    private interface Platform {
        /** The answer's JSON; the status is 200 unless it returns {@code [status, json]} via an "!status " prefix. */
        String answer(String token, String query, String body, Received[] log) throws Exception;
    }

    private void handle(HttpExchange exchange, Platform platform) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            if (delayMillis > 0) {
                Thread.sleep(delayMillis); // the platform's own response time
            }
            Received[] log = new Received[1];
            String answer = platform.answer(exchange.getRequestURI().getPath(), query, body, log);
            int status = 200;
            if (answer.startsWith("!")) {
                status = Integer.parseInt(answer.substring(1, 4));
                answer = answer.substring(5);
            }
            received.computeIfAbsent(log[0].token(), t -> new CopyOnWriteArrayList<>()).add(log[0]);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private String scriptedFailure(String token) {
        Deque<String> script = scripted.get(token);
        return script == null ? null : script.poll();
    }

    // 企业微信: {"msgtype":"markdown","markdown":{"content":…}}, content ≤ 4096 bytes
    private String wecom(String path, String query, String body, Received[] log) throws Exception {
        String key = param(query, "key");
        JsonNode json = JSON.readTree(body);
        String content = json.path("markdown").path("content").asText("");
        String answer;
        if (key == null) {
            answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}";
        } else if (!"markdown".equals(json.path("msgtype").asText()) || content.isBlank()) {
            answer = "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}";
        } else if (content.getBytes(StandardCharsets.UTF_8).length > 4096) {
            answer = "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}";
        } else {
            String failure = scriptedFailure(key);
            answer = failure != null ? "{\"errcode\":" + failure + ",\"errmsg\":\"api freq out of limit\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}";
        }
        log[0] = new Received("WECOM", key == null ? "" : key, query, body, answer.contains("\"errcode\":0,"), answer);
        return answer;
    }

    // 钉钉: markdown {title, text}; 加签: timestamp (ms, within an hour) & sign = urlencode(base64(HmacSHA256(secret, ts+"\n"+secret)))
    private String dingtalk(String path, String query, String body, Received[] log) throws Exception {
        String token = param(query, "access_token");
        JsonNode json = JSON.readTree(body);
        String answer = null;
        String secret = token == null ? null : secrets.get(token);
        if (token == null) {
            answer = "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}";
        } else if (secret != null) {
            String timestamp = param(query, "timestamp");
            String sign = param(query, "sign");
            if (timestamp == null || sign == null
                    || Math.abs(now.get().toEpochMilli() - Long.parseLong(timestamp)) > 3_600_000) {
                answer = "{\"errcode\":310000,\"errmsg\":\"sign not match, more: [timestamp is not within an hour]\"}";
            } else {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = Base64.getEncoder().encodeToString(
                        mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
                if (!expected.equals(sign)) {
                    answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
                }
            }
        }
        if (answer == null) {
            if (!"markdown".equals(json.path("msgtype").asText()) || json.path("markdown").path("title").asText("").isBlank()
                    || json.path("markdown").path("text").asText("").isBlank()) {
                answer = "{\"errcode\":40035,\"errmsg\":\"缺少参数 markdown\"}";
            } else {
                String failure = scriptedFailure(token);
                answer = failure != null ? "{\"errcode\":" + failure + ",\"errmsg\":\"send too fast\"}"
                        : "{\"errcode\":0,\"errmsg\":\"ok\"}";
            }
        }
        log[0] = new Received("DINGTALK", token == null ? "" : token, query, body, answer.contains("\"errcode\":0,"), answer);
        return answer;
    }

    // 飞书: interactive card; 签名校验: body timestamp (s) & sign = base64(HmacSHA256(key = ts+"\n"+secret, data = ""))
    private String feishu(String path, String query, String body, Received[] log) throws Exception {
        String token = path.substring("/open-apis/bot/v2/hook/".length());
        String answer = null;
        if (body.getBytes(StandardCharsets.UTF_8).length > 20 * 1024) {
            answer = "!400 {\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}";
        }
        JsonNode json = JSON.readTree(body);
        String secret = secrets.get(token);
        if (answer == null && secret != null) {
            String timestamp = json.path("timestamp").asText(null);
            String sign = json.path("sign").asText(null);
            boolean valid = false;
            if (timestamp != null && sign != null
                    && Math.abs(now.get().getEpochSecond() - Long.parseLong(timestamp)) <= 3600) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                valid = Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])).equals(sign);
            }
            if (!valid) {
                answer = "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\",\"data\":{}}";
            }
        }
        if (answer == null) {
            JsonNode card = json.path("card");
            if (!"interactive".equals(json.path("msg_type").asText()) || card.path("header").path("title").path("content").asText("").isBlank()
                    || !card.path("elements").isArray() || card.path("elements").isEmpty()) {
                answer = "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}";
            } else {
                String failure = scriptedFailure(token);
                answer = failure != null ? "{\"code\":" + failure + ",\"msg\":\"too many request\",\"data\":{}}"
                        : "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}";
            }
        }
        log[0] = new Received("FEISHU", token, query, body, answer.contains("\"code\":0,"), answer);
        return answer;
    }

    // Alibaba Cloud RPC, signature 1.0: Signature = base64(HmacSHA1(secret + "&", "POST&%2F&" + enc(sorted, encoded params)))
    private String aliyun(String path, String query, String body, Received[] log) throws Exception {
        Map<String, String> params = new TreeMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String signature = params.remove("Signature");
        StringBuilder canonical = new StringBuilder();
        params.forEach((k, v) -> canonical.append(canonical.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((SMS_KEY_SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                ("POST&%2F&" + enc(canonical.toString())).getBytes(StandardCharsets.UTF_8)));
        String phone = params.getOrDefault("PhoneNumbers", "");
        String answer;
        if (!SMS_KEY_ID.equals(params.get("AccessKeyId"))) {
            answer = "!404 {\"Code\":\"InvalidAccessKeyId.NotFound\",\"Message\":\"Specified access key is not found.\"}";
        } else if (!expected.equals(signature) || !"HMAC-SHA1".equals(params.get("SignatureMethod"))
                || !"1.0".equals(params.get("SignatureVersion"))) {
            answer = "!400 {\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation.\"}";
        } else if (!"SendSms".equals(params.get("Action")) || !"2017-05-25".equals(params.get("Version"))
                || params.get("SignName") == null || params.get("TemplateCode") == null) {
            answer = "!400 {\"Code\":\"MissingParameter\",\"Message\":\"a required parameter is missing\"}";
        } else if (tooLongParam(params.get("TemplateParam"))) {
            answer = "{\"Code\":\"isv.PARAM_LENGTH_LIMIT\",\"Message\":\"参数超出长度限制\",\"RequestId\":\"r\"}";
        } else {
            String failure = scriptedFailure(phone);
            answer = failure != null ? "{\"Code\":\"" + failure + "\",\"Message\":\"触发流控\",\"RequestId\":\"r\"}"
                    : "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}";
        }
        log[0] = new Received("SMS", phone, query, body, answer.contains("\"Code\":\"OK\""), answer);
        return answer;
    }

    private static boolean tooLongParam(String templateParam) throws IOException {
        if (templateParam == null) {
            return false;
        }
        JsonNode node = JSON.readTree(templateParam);
        for (var it = node.properties().iterator(); it.hasNext(); ) {
            if (it.next().getValue().asText().length() > 35) {
                return true;
            }
        }
        return false;
    }

    /** Decoded value of a query parameter. */
    static String param(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
