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

/** 日历订阅: making a unit's secret calendar URL. */
@Path("/api/units/{code}/calendar-feed")
@Tag(name = "Calendar feeds")
public class FeedUrlResource {

    /** The new feed URL. */
    @Schema(name = "CalendarFeedUrl")
    public record FeedUrl(
            @Schema(description = "The secret subscription URL (https, through the gateway); anyone holding it can read the feed",
                    example = "https://duban.example.gov.cn/api/calendar-feeds/Jq3n1d0nqvW8sXo4kq4JtO0P2m8vQ9dX7r6yZt0a1bc.ics")
            URI url,
            @Schema(description = "The same with the webcal scheme, which phones and Outlook open as a subscription",
                    example = "webcal://duban.example.gov.cn/api/calendar-feeds/Jq3n1d0nqvW8sXo4kq4JtO0P2m8vQ9dX7r6yZt0a1bc.ics")
            URI webcalUrl,
            @Schema(example = "gov-340100") String unitCode,
            @Schema(description = "When this URL was made; every URL made before it stopped working then") Instant rotatedAt) {
    }

    private final CalendarFeedService service;
    private final CurrentUser user;

    FeedUrlResource(CalendarFeedService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateCalendarFeed", summary = "Make a new secret calendar URL for a unit",
            description = "For the unit's own staff and the office (admin). Makes a new random URL (256 bits) for the unit's "
                    + "calendar feed and answers it; the URL made before stops working at once (404). Only a hash of the "
                    + "secret is stored, so a lost URL cannot be shown again: make a new one.")
    @APIResponse(responseCode = "200", description = "The new URL", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedUrl.class)))
    @APIResponse(responseCode = "403", description = "Another unit's feed, or a role that may not make one (viewer, integrator)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such unit", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response rotate(@PathParam("code") @Parameter(description = "Unit code", example = "gov-340100") String code) {
        if (!user.is(Roles.ADMIN)) {
            user.requireOwnUnit(code);
        }
        CalendarFeedService.Issued issued = service.rotate(code, user.username());
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new FeedUrl(issued.url(), issued.webcalUrl(), issued.unitCode(), issued.rotatedAt()))
                .cacheControl(noStore).build();
    }

}
