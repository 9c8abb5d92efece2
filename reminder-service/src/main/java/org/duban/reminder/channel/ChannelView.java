package org.duban.reminder.channel;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A channel as the API shows it: the secret masked, and so is the token in a robot's URL. */
@Schema(name = "Channel", description = "A unit's channel and its state")
public record ChannelView(
        @Schema(description = "Identifies the channel", example = "12") long id,
        @Schema(description = "The unit it serves", example = "gov-340100") String unitCode,
        @Schema(description = "WECOM, DINGTALK, FEISHU, SMS or EMAIL", example = "DINGTALK") ChannelType type,
        @Schema(description = "Where it delivers; a robot URL's token is masked (it is as good as a password)",
                example = "https://oapi.dingtalk.com/robot/send?access_token=6f1c********9b7a") String target,
        @Schema(description = "The signing secret, masked; null when none was given", example = "********9a0b") String secret,
        @Schema(description = "Notification kinds it carries; empty: all", example = "[\"OVERDUE\", \"ESCALATION\"]") List<String> kinds,
        @Schema(description = "Quiet hours, or null", example = "22:00-08:00") String quietHours,
        @Schema(description = "Whether it sends; false after repeated failure until enabled again", example = "true") boolean enabled,
        @Schema(description = "When it disabled itself", example = "2026-03-02T01:35:00Z") Instant disabledAt,
        @Schema(description = "Why it disabled itself", example = "5 attempts in a row failed; the last: errcode 310000: sign not match")
        String disabledReason,
        @Schema(description = "Failed attempts since the last success", example = "0") int consecutiveFailures,
        @Schema(description = "When a message last got through", example = "2026-03-01T01:00:02Z") Instant lastSuccessAt,
        @Schema(description = "When it was created", example = "2026-02-27T08:00:00Z") Instant createdAt,
        @Schema(description = "Who created it", example = "hefei") String createdBy) {

    /** What is shown for a value that cannot be decrypted, or too short to show a part of. */
    private static final String MASK = "********";
    private static final Pattern TOKEN = Pattern.compile("((?:key|access_token)=|/hook/)([^&#/]+)");

    /** The channel as shown, from its stored row and its decrypted URL and secret (masked here). */
    static ChannelView of(Channel c, ChannelSecretsAtRest.Opened opened) {
        String target = !c.type.robot() ? c.target : opened.target() == null ? MASK : maskTokens(opened.target());
        String secret = c.secret == null ? null : opened.secret() == null ? MASK : mask(opened.secret());
        return new ChannelView(c.id, c.unitCode, c.type, target, secret, List.copyOf(c.kinds), c.quietHours, c.enabled, c.disabledAt, c.disabledReason, c.consecutiveFailures,
                c.lastSuccessAt, c.createdAt, c.createdBy);
    }

    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return MASK + (secret.length() >= 12 ? secret.substring(secret.length() - 4) : "");
    }

    static String maskTokens(String url) {
        Matcher m = TOKEN.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(2);
            String masked = token.length() >= 12 ? token.substring(0, 4) + "********" + token.substring(token.length() - 4)
                    : "********";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + masked));
        }
        m.appendTail(out);
        return out.toString();
    }
}
