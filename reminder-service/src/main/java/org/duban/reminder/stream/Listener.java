package org.duban.reminder.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.duban.reminder.inbox.NotificationView;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open stream: the unit it may see (empty: all), the last id it was sent, and while it replays what it missed,
 * the live notifications that arrive meanwhile. Sends are serialised per listener, ids only ever go up.
 */
final class Listener {

    private static final Logger LOG = Logger.getLogger(Listener.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final Optional<String> unit;
    private final ObjectMapper json;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<NotificationView> arrivedWhileReplaying = new ArrayList<>();
    private boolean replaying = true;
    private long cursor;
    private volatile boolean closed;

    Listener(SseEventSink sink, Sse sse, Optional<String> unit, ObjectMapper json, int maxPending) {
        this.sink = sink;
        this.sse = sse;
        this.unit = unit;
        this.json = json;
        this.maxPending = maxPending;
    }

    /** First bytes at once, so that the client knows the stream is open before anything happens. */
    synchronized void opened(long reconnectMillis) {
        send(sse.newEventBuilder().comment("督办 live inbox").reconnectDelay(reconnectMillis).build());
    }

    /** Sends what was missed after {@code after}, then what arrived meanwhile, and goes live. */
    synchronized void replay(long after, List<NotificationView> missed) {
        cursor = after;
        missed.forEach(this::sendIfNew);
        arrivedWhileReplaying.forEach(this::sendIfNew);
        arrivedWhileReplaying.clear();
        replaying = false;
    }

    /** More was missed than a replay carries: the client reloads its inbox, and the stream goes on after {@code latest}. */
    synchronized void reset(long latest, String reason) {
        cursor = latest;
        send(sse.newEventBuilder().id(Long.toString(latest)).name("reset")
                .data(String.class, write(Map.of("reason", reason, "latestId", latest))).build());
        arrivedWhileReplaying.forEach(this::sendIfNew);
        arrivedWhileReplaying.clear();
        replaying = false;
    }

    /** New notifications (every unit's, in id order) as the hub read them. */
    synchronized void offer(List<NotificationView> notifications) {
        for (NotificationView n : notifications) {
            if (unit.isPresent() && !unit.get().equals(n.unitCode())) {
                continue;
            }
            if (replaying) {
                arrivedWhileReplaying.add(n);
                if (arrivedWhileReplaying.size() > maxPending) {
                    close("too many notifications arrived while it replayed");
                }
            } else {
                sendIfNew(n);
            }
        }
    }

    synchronized void heartbeat() {
        send(sse.newEventBuilder().comment("heartbeat").build());
    }

    boolean isClosed() {
        return closed || sink.isClosed();
    }

    synchronized void close(String why) {
        if (!closed) {
            closed = true;
            LOG.debugf("closing a live inbox stream: %s", why);
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing a stream failed: %s", e);
            }
        }
    }

    private void sendIfNew(NotificationView n) {
        if (n.id() <= cursor) {
            return;
        }
        cursor = n.id();
        send(sse.newEventBuilder().id(Long.toString(n.id())).name("notification").data(String.class, write(n)).build());
    }

    private void send(OutboundSseEvent event) {
        if (isClosed()) {
            return;
        }
        if (pending.incrementAndGet() > maxPending) {
            close("the client reads too slowly");
            return;
        }
        sink.send(event).whenComplete((ok, failure) -> {
            pending.decrementAndGet();
            if (failure != null) {
                close("writing failed: " + failure);
            }
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
