package org.duban.reminder.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.reminder.delivery.OutboundHttp;

import java.net.URI;
import java.util.Map;

/**
 * A JSON POST to a robot and the reading of its answer. The platforms answer HTTP 200 also when they
 * refuse a message, with an error code in the body ({@code errcode} for WeCom and DingTalk,
 * {@code code} for Feishu): only code 0 is a delivery.
 */
@ApplicationScoped
class RobotCall {

    static final int ANSWER_BYTES = 1000;

    private final OutboundHttp http;
    private final ObjectMapper json;
    private final ChannelsConfig config;

    RobotCall(OutboundHttp http, ObjectMapper json, ChannelsConfig config) {
        this.http = http;
        this.json = json;
        this.config = config;
    }

    SendResult post(URI uri, Object body, String codeField, String messageField) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a robot message cannot be written as JSON", e);
        }
        OutboundHttp.Reply reply = http.send(new OutboundHttp.Request("POST", uri,
                Map.of("Content-Type", "application/json; charset=utf-8", "User-Agent", "Duban-Channels/1.0"), text,
                config.connectTimeout(), config.timeout(), ANSWER_BYTES));
        if (reply == null) {
            return null;
        }
        if (reply.status() == null) {
            return new SendResult(reply.attemptedAt(), reply.durationMs(), null, reply.error());
        }
        if (!reply.is2xx()) {
            return new SendResult(reply.attemptedAt(), reply.durationMs(), reply.status(),
                    "HTTP " + reply.status() + (reply.body().isEmpty() ? "" : ": " + reply.body()));
        }
        return new SendResult(reply.attemptedAt(), reply.durationMs(), reply.status(),
                codeError(reply.body(), codeField, messageField));
    }

    /** Null when the answer carries code 0; otherwise what it said. */
    String codeError(String answer, String codeField, String messageField) {
        JsonNode node;
        try {
            node = json.readTree(answer);
        } catch (Exception e) {
            return "the answer is not the platform's JSON: " + abbreviate(answer);
        }
        JsonNode code = node == null ? null : node.get(codeField);
        if (code == null || !code.canConvertToLong()) {
            return "the answer has no " + codeField + ": " + abbreviate(answer);
        }
        if (code.asLong() == 0) {
            return null;
        }
        JsonNode message = node.get(messageField);
        return codeField + " " + code.asLong() + (message == null ? "" : ": " + message.asText());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
