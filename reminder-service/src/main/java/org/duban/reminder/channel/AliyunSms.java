package org.duban.reminder.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.reminder.delivery.OutboundHttp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Alibaba Cloud SMS (dysmsapi, API version 2017-05-25, action {@code SendSms}), called the RPC way with
 * signature version 1.0: the request's parameters sorted by name and percent-encoded (RFC 3986: space
 * {@code %20}, {@code *} {@code %2A}, {@code ~} kept) make the canonical query; the string to sign is
 * {@code POST&%2F&} + percentEncode(canonical query); {@code Signature} is Base64(HMAC-SHA1(key =
 * AccessKeySecret + "&", that string)). Sent as a form POST. Answers {@code {"Code": "OK", "BizId": …}};
 * any other Code (isv.BUSINESS_LIMIT_CONTROL, SignatureDoesNotMatch, …) is a failure.
 */
@ApplicationScoped
class AliyunSms implements SmsProvider {

    static final String VERSION = "2017-05-25";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final OutboundHttp http;
    private final ObjectMapper json;
    private final ChannelsConfig.Sms config;
    private final ChannelsConfig channels;
    private final Clock clock;

    AliyunSms(OutboundHttp http, ObjectMapper json, ChannelsConfig channels, Clock clock) {
        this.http = http;
        this.json = json;
        this.channels = channels;
        this.config = channels.sms();
        this.clock = clock;
    }

    @Override
    public boolean configured() {
        return config.accessKeyId().isPresent() && config.accessKeySecret().isPresent()
                && config.signName().isPresent() && config.templateCode().isPresent();
    }

    @Override
    public SendResult send(String phone, Map<String, String> templateParams) {
        if (!configured()) {
            return new SendResult(clock.instant(), 0, null, "SMS is not configured: set duban.channels.sms.access-key-id, "
                    + "access-key-secret, sign-name and template-code");
        }
        SortedMap<String, String> params = new TreeMap<>();
        params.put("AccessKeyId", config.accessKeyId().get());
        params.put("Action", "SendSms");
        params.put("Format", "JSON");
        params.put("RegionId", config.regionId());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("SignatureVersion", "1.0");
        params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        params.put("Version", VERSION);
        params.put("PhoneNumbers", phone);
        params.put("SignName", config.signName().get());
        params.put("TemplateCode", config.templateCode().get());
        try {
            params.put("TemplateParam", json.writeValueAsString(templateParams));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        params.put("Signature", sign("POST", params, config.accessKeySecret().get()));
        String form = params.entrySet().stream()
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        OutboundHttp.Reply reply = http.send(new OutboundHttp.Request("POST", URI.create(config.endpoint()),
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8", "Accept", "application/json"),
                form, channels.connectTimeout(), channels.timeout(), RobotCall.ANSWER_BYTES));
        if (reply == null) {
            return null;
        }
        if (reply.status() == null) {
            return new SendResult(reply.attemptedAt(), reply.durationMs(), null, reply.error());
        }
        return new SendResult(reply.attemptedAt(), reply.durationMs(), reply.status(), codeError(reply));
    }

    private String codeError(OutboundHttp.Reply reply) {
        try {
            JsonNode answer = json.readTree(reply.body());
            String code = answer.path("Code").asText("");
            if (reply.is2xx() && code.equals("OK")) {
                return null;
            }
            return (reply.is2xx() ? "" : "HTTP " + reply.status() + ": ") + "Code " + (code.isEmpty() ? "(none)" : code)
                    + (answer.hasNonNull("Message") ? ": " + answer.get("Message").asText() : "");
        } catch (Exception e) {
            return "HTTP " + reply.status() + ": the answer is not Alibaba Cloud's JSON: " + reply.body();
        }
    }

    /** The RPC signature (version 1.0) of {@code params} (without Signature) for {@code method}. */
    static String sign(String method, SortedMap<String, String> params, String accessKeySecret) {
        String canonical = params.entrySet().stream()
                .filter(e -> !e.getKey().equals("Signature"))
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        String toSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonical);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
