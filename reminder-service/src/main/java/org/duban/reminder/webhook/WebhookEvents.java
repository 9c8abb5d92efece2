package org.duban.reminder.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a subscription can ask for: notification kinds, event types, or everything. Plain rules,
 * shared by validation and by {@link WebhookDispatcher}.
 */
public final class WebhookEvents {

    /** Notification kinds, as in a notification's {@code kind}. */
    public static final List<String> KINDS = List.of("DUE_SOON", "DUE_TODAY", "OVERDUE", "ESCALATION", "PROGRESS_REPORT_DUE",
            "ACKNOWLEDGE_DUE", "MILESTONE_DUE", "MILESTONE_OVERDUE", "URGE");
    /** Event types, as in the Kafka events' {@code type}. */
    public static final List<String> TYPES = List.of("duban.notification.sent");
    /** Everything, now and later. */
    public static final String ALL = "*";

    private static final Set<String> KNOWN;

    static {
        java.util.LinkedHashSet<String> known = new java.util.LinkedHashSet<>(KINDS);
        known.addAll(TYPES);
        known.add(ALL);
        KNOWN = Set.copyOf(known);
    }

    private WebhookEvents() {
    }

    public static boolean isKnown(String event) {
        return event != null && KNOWN.contains(event);
    }

    /** The accepted values, for messages and documentation. */
    public static String accepted() {
        return String.join(", ", KINDS) + ", " + String.join(", ", TYPES) + " or " + ALL;
    }

    /**
     * Whether a subscription to {@code subscribed} wants a message of {@code eventType} that carries
     * the notification kinds {@code kinds}: yes when it asked for nothing in particular (empty or
     * {@code *}), for that event type, or for any of those kinds.
     */
    public static boolean matches(Collection<String> subscribed, Collection<String> kinds, String eventType) {
        if (subscribed == null || subscribed.isEmpty() || subscribed.contains(ALL)) {
            return true;
        }
        if (eventType != null && subscribed.contains(eventType)) {
            return true;
        }
        if (kinds != null) {
            for (String kind : kinds) {
                if (subscribed.contains(kind)) {
                    return true;
                }
            }
        }
        return false;
    }
}
