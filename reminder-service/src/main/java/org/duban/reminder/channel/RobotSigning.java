package org.duban.reminder.channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/** The robots' signatures, as the platforms document them. */
final class RobotSigning {

    private RobotSigning() {
    }

    /**
     * DingTalk custom robot: Base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)), the timestamp
     * in milliseconds; sent URL-encoded as the query parameter {@code sign} beside {@code timestamp}.
     */
    static String dingTalk(String secret, long timestampMillis) {
        return hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Feishu custom bot: Base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = nothing)), the timestamp in
     * seconds; sent in the body as {@code sign} beside {@code timestamp}.
     */
    static String feishu(String secret, long timestampSeconds) {
        return hmacSha256((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    private static String hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
