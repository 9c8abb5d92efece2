package org.duban.reminder.feed;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.Date;

/** 日历订阅: the feed behind a unit's secret URL, for Outlook, WPS and phone calendars. No bearer token: the secret is in the URL. */
@Path("/api/calendar-feeds")
@Tag(name = "Calendar feeds", description = "A unit's open due dates and milestones as an iCalendar (RFC 5545) subscription")
public class CalendarFeedResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    private static final String FEED_EXAMPLE = """
            BEGIN:VCALENDAR\r
            PRODID:-//Duban//督办 calendar feed 1.0//ZH\r
            VERSION:2.0\r
            CALSCALE:GREGORIAN\r
            X-WR-CALNAME:督办 · 合肥市人民政府\r
            REFRESH-INTERVAL;VALUE=DURATION:PT1H\r
            X-PUBLISHED-TTL:PT1H\r
            BEGIN:VEVENT\r
            UID:assignment-1042@duban\r
            DTSTART;VALUE=DATE:20220630\r
            DTEND;VALUE=DATE:20220701\r
            SUMMARY:【督办】第39项任务截止：认真分析研究国办2021年度评估指出的问题…\r
            BEGIN:VALARM\r
            TRIGGER:-P6DT15H\r
            ACTION:DISPLAY\r
            DESCRIPTION:第39项任务还有7天到期（2022年6月30日）\r
            END:VALARM\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    private final CalendarFeedService service;

    CalendarFeedResource(CalendarFeedService service) {
        this.service = service;
    }

    @GET
    @Path("/{token}.ics")
    @PermitAll
    @Produces(TEXT_CALENDAR)
    @SecurityRequirements
    @Operation(operationId = "getCalendarFeed", summary = "A unit's calendar feed (no bearer token: the secret is in the URL)",
            description = "RFC 5545: one all-day event per due date of the unit's open assignments and per open milestone "
                    + "(节点), with stable UIDs (assignment-<id>@duban, milestone-<id>@duban) so that calendars update rather "
                    + "than duplicate; alarms on the plan's reminder lead days at its sendAt time; done work leaves the feed. "
                    + "Lines end in CRLF and are folded at 75 octets. Answers ETag and Last-Modified, and 304 to If-None-Match "
                    + "or If-Modified-Since when nothing changed.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = TEXT_CALENDAR,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
            examples = @ExampleObject(name = "Hefei", value = FEED_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date the client holds")
    @APIResponse(responseCode = "404", description = "No feed has this URL (never made, or replaced by a newer one)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@PathParam("token") @Parameter(description = "The secret of the URL", example = "Jq3n1d0nqvW8sXo4kq4JtO0P2m8vQ9dX7r6yZt0a1bc")
                         String token, @Context Request request) {
        CalendarFeedService.Feed feed = service.feed(token)
                .orElseThrow(() -> ProblemException.notFound("No calendar feed has this address; ask your unit for the current one"));
        EntityTag etag = new EntityTag(feed.etag());
        Date lastModified = Date.from(feed.lastModified());
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(feed.text(), TEXT_CALENDAR)
                .header("Content-Disposition", "inline; filename=\"duban-" + feed.unitCode() + ".ics\"");
        return answer.tag(etag).lastModified(lastModified).cacheControl(cache)
                .header("Referrer-Policy", "no-referrer").build();
    }
}
