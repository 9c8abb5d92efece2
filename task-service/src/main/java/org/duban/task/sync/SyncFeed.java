package org.duban.task.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.task.domain.SyncChange;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The incremental pull for OA systems: every change of an assignment exactly once, in commit
 * order. A cursor is an opaque token for "after position n"; the answer's {@code nextCursor}
 * continues where the page ended (and stays put when nothing is new), so a client stores it and
 * asks again.
 */
@ApplicationScoped
public class SyncFeed {

    private final ObjectMapper json;
    private final SyncSequencer sequencer;

    SyncFeed(ObjectMapper json, SyncSequencer sequencer) {
        this.json = json;
        this.sequencer = sequencer;
    }

    public record Page(List<JsonNode> items, String nextCursor) {
    }

    public Page after(String cursor, int limit) {
        long position = decode(cursor);
        sequencer.drain(); // every change committed before this request has its position now
        List<SyncChange> changes = SyncChange.<SyncChange>find("position > ?1 order by position", position)
                .page(0, limit).list();
        List<JsonNode> items = changes.stream().map(change -> {
            try {
                ObjectNode item = (ObjectNode) json.readTree(change.payload);
                item.put("changeType", change.changeType);
                item.put("changedAt", change.changedAt.toString());
                item.put("position", change.position);
                return (JsonNode) item;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        long last = changes.isEmpty() ? position : changes.get(changes.size() - 1).position;
        return new Page(items, encode(last));
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("p:" + position).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (!text.startsWith("p:")) {
                throw new IllegalArgumentException();
            }
            long position = Long.parseLong(text.substring(2));
            if (position < 0) {
                throw new IllegalArgumentException();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(List.of(new Problem.FieldError("cursor",
                    "is not a cursor this feed gave out; start without one to read from the beginning")));
        }
    }
}
