package org.duban.gateway.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Base64;

/**
 * Who a request counts against for rate limiting: the bearer token's client and subject
 * ({@code azp} and {@code sub}) when it carries a readable token, else the remote address. The
 * token is only read here, not verified — the services verify it — so this key decides nothing
 * but which bucket a request drains.
 */
public final class ClientKey {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Larger "tokens" are not worth decoding; their sender is counted by address. */
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** The keys of recent tokens: a token is sent for minutes, and decoding its claims at every request cost ~8 % of the gateway's CPU. */
    private static final java.util.Map<String, String> RECENT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RECENT_MAX = 4096;

    private ClientKey() {
    }

    public static String of(String authorization, String remoteAddress) {
        String subject = authorization == null ? null : RECENT.get(authorization);
        if (subject == null) {
            subject = subject(authorization);
            if (subject != null) {
                if (RECENT.size() >= RECENT_MAX) {
                    RECENT.clear(); // bounded: the next requests decode again
                }
                RECENT.put(authorization, subject);
            }
        }
        if (subject != null) {
            return subject;
        }
        return "ip:" + (remoteAddress == null ? "unknown" : remoteAddress);
    }

    private static String subject(String authorization) {
        if (authorization == null || authorization.length() > MAX_TOKEN_LENGTH
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(first + 1, second)));
            String azp = text(claims, "azp");
            String sub = text(claims, "sub");
            if (azp == null && sub == null) {
                return null;
            }
            return "token:" + (azp == null ? "" : azp) + "/" + (sub == null ? "" : sub);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims == null ? null : claims.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
