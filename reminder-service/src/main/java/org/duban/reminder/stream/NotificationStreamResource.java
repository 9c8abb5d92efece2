package org.duban.reminder.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/** The live inbox: new notifications as Server-Sent Events, for the console's unread badge and toasts. */
@Path("/api/notifications/stream")
@Tag(name = "Notifications")
public class NotificationStreamResource {

    private static final long RECONNECT_MILLIS = 3000;
    private static final String STREAM_EXAMPLE = """
            : 督办 live inbox
            retry: 3000

            id: 310
            event: notification
            data: {"id":310,"unitCode":"gov-340100","assignmentId":1042,"taskNumber":39,"kind":"DUE_SOON","title":"第39项任务还有7天到期（2022年6月30日）","body":"合肥市人民政府：……","dueDate":"2022-06-30","occasion":"2022-06-23","createdAt":"2022-06-23T01:00:00.114Z"}

            : heartbeat

            """;

    private final LiveInbox inbox;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final StreamConfig config;

    NotificationStreamResource(LiveInbox inbox, CurrentUser user, ObjectMapper json, StreamConfig config) {
        this.inbox = inbox;
        this.user = user;
        this.json = json;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamNotifications", summary = "New notifications as they are made (Server-Sent Events)",
            description = "A `text/event-stream` of the caller's unit's new notifications — for admin, viewer and integrator "
                    + "every unit's, or one unit's with `unit`. Each event: `id:` the notification's id (ids only go up), "
                    + "`event: notification`, `data:` the Notification as JSON. A comment line (`: heartbeat`) comes every 15 s. "
                    + "Authenticate with the bearer token as everywhere (EventSource cannot send headers: use a fetch-based "
                    + "SSE client). Reconnect with `Last-Event-ID` (the last id received): the stream first sends every "
                    + "notification after it, then goes live, so nothing is missed across reconnects or replicas. If more than "
                    + "500 came meanwhile, an `event: reset` (data `{\"reason\", \"latestId\"}`) says to reload the inbox "
                    + "with `GET /api/notifications`, and the stream goes on after `latestId`.")
    @APIResponse(responseCode = "200", description = "The stream (it stays open)", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "a reminder", value = STREAM_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Last-Event-ID is not a notification id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Another unit's stream, or an account not linked to a unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@HeaderParam("Last-Event-ID") @Parameter(description = "The id of the last event received, on reconnect",
                               example = "310") String lastEventId,
                       @QueryParam("unit") @Parameter(description = "Only this unit's (for roles that read every unit's)",
                               example = "gov-340100") String unit,
                       @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response) {
        Optional<String> scope = scope(unit);
        Optional<Long> after = lastEventId(lastEventId);
        // no cache or proxy may hold the events back
        response.putHeader("Cache-Control", "no-cache, no-transform");
        response.putHeader("X-Accel-Buffering", "no");
        Listener listener = new Listener(sink, sse, scope, json, config.maxPending());
        listener.opened(RECONNECT_MILLIS);
        inbox.open(listener, after, scope);
    }

    private Optional<String> scope(String unit) {
        Optional<String> asked = Optional.ofNullable(unit).filter(u -> !u.isBlank());
        if (user.readsAll()) {
            return asked;
        }
        String own = user.unitCode().orElseThrow(() -> CurrentUser.forbidden("Your account is not linked to a unit"));
        asked.ifPresent(user::requireOwnUnit);
        return Optional.of(own);
    }

    private static Optional<Long> lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id >= 0) {
                return Optional.of(id);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.validation(List.of(new Problem.FieldError("Last-Event-ID",
                "must be the id of a notification event received before, e.g. 310")));
    }
}
