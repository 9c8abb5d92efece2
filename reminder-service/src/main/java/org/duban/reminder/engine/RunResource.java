package org.duban.reminder.engine;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.reminder.replica.ReplicaPosition;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@Path("/api/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders", description = "Evaluating the reminder rules")
public class RunResource {

    private final ReminderEngine engine;
    private final CurrentUser user;
    private final Clock clock;

    RunResource(ReminderEngine engine, CurrentUser user, Clock clock) {
        this.engine = engine;
        this.user = user;
        this.clock = clock;
    }

    @Schema(name = "ReminderRun")
    public record RunView(
            @Schema(description = "Reminders owed as of the instant (at most one per assignment and rule)", example = "120")
            long evaluated,
            @Schema(description = "Of those, sent now", example = "118") long sent,
            @Schema(description = "Of those, sent before (by an earlier run or another replica)", example = "2") long skipped,
            @Schema(example = "57") long runId,
            @Schema(example = "2022-06-23T01:00:00Z") Instant at,
            @Schema(description = "Inbox entries made (escalations reach several units)", example = "121") long notifications,
            @Schema(description = "Unit digests dispatched to e-mail, webhooks and Kafka", example = "35") long digests,
            @Schema(example = "412") long millis,
            @Schema(description = "Where the copy of assignments and units stood when the run began (topic/partition: next "
                    + "offset applied): every change published before the call was applied", example = "{\"duban.assignments/0\": 5038, \"duban.units/0\": 1412}")
            Map<String, Long> replicaPositions) {
    }

    @POST
    @Path("/run")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runReminders", summary = "Run the reminder rules as of an instant (admin)",
            description = "Evaluates every rule as of `at` (default: now) and sends what is due and not yet sent. Running "
                    + "it again for the same instant sends nothing new. The scheduler runs the same logic on its own.")
    @APIResponse(responseCode = "200", description = "What the run did")
    @APIResponse(responseCode = "400", description = "`at` is not an instant")
    @APIResponse(responseCode = "503", description = "The copy of assignments and units has not caught up with the changes "
            + "published before the call within `duban.reminders.replica-wait`; nothing was sent. Retry after `Retry-After` seconds.")
    public Response run(@Parameter(description = "ISO-8601 instant with offset", example = "2022-06-23T09:00:00+08:00")
                       @QueryParam("at") String at) {
        Instant instant;
        try {
            instant = at == null || at.isBlank() ? clock.instant() : OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.validation(List.of(new Problem.FieldError("at",
                    "must be an instant with offset, e.g. 2022-06-23T09:00:00+08:00")));
        }
        ReminderEngine.RunResult r;
        try {
            r = engine.run(instant, "API", user.username());
        } catch (ReminderEngine.ReplicaBehind e) {
            return unavailable("replica-behind", "Nothing was sent: reminder-service's copy of assignments and units is still "
                    + e.position().behind() + " changes behind what was published before this call (positions "
                    + e.position().positions() + "). Try again shortly.");
        } catch (ReplicaPosition.ReplicaUnknown e) {
            return unavailable("kafka-unavailable", "Nothing was sent: " + e.getMessage() + ". Try again shortly.");
        }
        return Response.ok(new RunView(r.evaluated(), r.sent(), r.skipped(), r.runId(), r.at(), r.notifications(), r.digests(),
                r.millis(), r.replicaPositions())).build();
    }

    private static Response unavailable(String slug, String detail) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, "Service unavailable", 503, detail, "/api/reminders/run", null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "10").entity(problem).build();
    }
}
