package org.duban.reminder.inbox;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.reminder.engine.ReminderKind;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Each unit's inbox of reminders")
public class NotificationResource {

    private final CurrentUser user;
    private final Clock clock;

    NotificationResource(CurrentUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(operationId = "listNotifications", summary = "A unit's inbox, newest first",
            description = "A `unit` user sees only its own unit's notifications (`unit` defaults to it; another unit "
                    + "answers 403). Others see every unit's, or one unit's with `unit`. OA systems poll with `since`.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    public PageResponse<NotificationView> list(
            @Parameter(description = "Unit code", example = "gov-340100") @QueryParam("unit") String unit,
            @Parameter(description = "Only those created after this instant (ISO-8601 with offset)",
                    example = "2022-06-23T09:00:00+08:00") @QueryParam("since") String since,
            @Parameter(description = "true: only unread; false: only read") @QueryParam("unread") String unread,
            @Parameter(description = "Only this kind: DUE_SOON, DUE_TODAY, OVERDUE, ESCALATION, PROGRESS_REPORT_DUE, "
                    + "ACKNOWLEDGE_DUE, MILESTONE_DUE, MILESTONE_OVERDUE, URGE (催办) or WEBHOOK_DISABLED", example = "OVERDUE") @QueryParam("kind") String kind,
            @Valid @BeanParam PageRequest page) {
        if (!user.readsAll()) {
            String own = user.unitCode().orElseThrow(() -> CurrentUser.forbidden("Your account is not linked to a unit"));
            if (unit == null || unit.isBlank()) {
                unit = own;
            }
            user.requireOwnUnit(unit);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (unit != null && !unit.isBlank()) {
            where.append(" AND unitCode = :unit");
            params.and("unit", unit);
        }
        if (since != null && !since.isBlank()) {
            try {
                params.and("since", OffsetDateTime.parse(since).toInstant());
                where.append(" AND createdAt > :since");
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("since", "must be an instant with offset, e.g. 2022-06-23T09:00:00+08:00"));
            }
        }
        if (unread != null && !unread.isBlank()) {
            switch (unread.toLowerCase(Locale.ROOT)) {
                case "true" -> where.append(" AND readAt IS NULL");
                case "false" -> where.append(" AND readAt IS NOT NULL");
                default -> errors.add(new Problem.FieldError("unread", "must be true or false"));
            }
        }
        if (kind != null && !kind.isBlank()) {
            try {
                params.and("kind", ReminderKind.valueOf(kind));
                where.append(" AND kind = :kind");
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("kind", "must be one of " + java.util.Arrays.toString(ReminderKind.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        PanacheQuery<Notification> query = Notification.find(where.toString(),
                Sort.descending("createdAt").and("id", Sort.Direction.Descending), params);
        List<NotificationView> items = query.page(page.page, page.size).stream().map(NotificationView::of).toList();
        return new PageResponse<>(items, page.page, page.size, query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getNotification", summary = "One notification")
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationView get(@PathParam("id") long id) {
        Notification n = find(id);
        user.requireUnitOrReadAll(n.unitCode);
        return NotificationView.of(n);
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read",
            description = "For a user of the notification's unit, or admin. Marking it again keeps the first readAt.")
    @APIResponse(responseCode = "200", description = "The notification, with readAt")
    @APIResponse(responseCode = "403", description = "Another unit's notification, or a read-only role")
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationView read(@PathParam("id") long id) {
        Notification n = find(id);
        if (!user.is(Roles.ADMIN)) {
            user.requireOwnUnit(n.unitCode);
        }
        if (n.readAt == null) {
            n.readAt = Instant.now(clock);
        }
        return NotificationView.of(n);
    }

    private static Notification find(long id) {
        return Notification.<Notification>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No notification " + id));
    }
}
