package org.duban.reminder.channel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Problem;
import org.duban.platform.security.Roles;
import org.duban.reminder.webhook.DeliveryStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.UNIT})
@Tag(name = "Channels", description = "Where a unit is told besides its inbox: WeCom, DingTalk and Feishu group robots, "
        + "SMS, extra e-mail addresses. A unit user manages its own unit's channels, the admin every unit's")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Another unit's channel, or a role that manages none (viewer, integrator)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "another unit's", value = ChannelResource.EXAMPLE_403)))
public class ChannelResource {

    static final String EXAMPLE_CHANNEL = """
            {"id": 12, "unitCode": "gov-340100", "type": "DINGTALK",
             "target": "https://oapi.dingtalk.com/robot/send?access_token=6f1c********9b7a", "secret": "********9a0b",
             "kinds": ["OVERDUE", "ESCALATION"], "quietHours": "22:00-08:00", "enabled": true, "disabledAt": null,
             "disabledReason": null, "consecutiveFailures": 0, "lastSuccessAt": "2026-03-01T01:00:02Z",
             "createdAt": "2026-02-27T08:00:00Z", "createdBy": "hefei"}""";
    static final String EXAMPLE_DISABLED = """
            {"id": 12, "unitCode": "gov-340100", "type": "DINGTALK",
             "target": "https://oapi.dingtalk.com/robot/send?access_token=6f1c********9b7a", "secret": "********9a0b",
             "kinds": [], "quietHours": null, "enabled": false, "disabledAt": "2026-03-02T01:35:00Z",
             "disabledReason": "5 attempts in a row failed; the last: errcode 310000: sign not match",
             "consecutiveFailures": 5, "lastSuccessAt": "2026-03-01T01:00:02Z",
             "createdAt": "2026-02-27T08:00:00Z", "createdBy": "hefei"}""";
    static final String EXAMPLE_REQUEST = """
            {"type": "DINGTALK", "target": "https://oapi.dingtalk.com/robot/send?access_token=6f1c0e2d9b7a4c3e8f5a9b7a",
             "secret": "SEC2b1f0c7d8e9a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a29a0b", "kinds": ["OVERDUE", "ESCALATION"],
             "quietHours": "22:00-08:00"}""";
    static final String EXAMPLE_PAGE = "{\"items\": [" + EXAMPLE_CHANNEL + "], \"page\": 0, \"size\": 50, \"total\": 1}";
    static final String EXAMPLE_DELIVERY = """
            {"id": 4096, "messageId": "digest-57-gov-340100#1/2", "part": 1, "parts": 2,
             "title": "合肥市人民政府：38项督办事项需要关注（1/2）", "test": false, "status": "DELIVERED", "attempts": 2,
             "lastStatusCode": 200, "lastError": null, "nextAttemptAt": null, "createdAt": "2026-03-01T01:00:00Z",
             "deliveredAt": "2026-03-01T01:00:11Z", "attemptLog": [
               {"number": 1, "attemptedAt": "2026-03-01T01:00:00Z", "durationMs": 96, "statusCode": 200,
                "error": "errcode 130101: send too fast"},
               {"number": 2, "attemptedAt": "2026-03-01T01:00:10Z", "durationMs": 88, "statusCode": 200, "error": null}]}""";
    static final String EXAMPLE_TEST = """
            {"id": 4100, "messageId": "test-0b6d1f9e-8c55-4d0e-9b55-2d2f6f1f0a11", "part": 1, "parts": 1,
             "title": "督办系统测试消息", "test": true, "status": "FAILED", "attempts": 1, "lastStatusCode": 200,
             "lastError": "errcode 310000: sign not match", "nextAttemptAt": null, "createdAt": "2026-03-01T02:00:00Z",
             "deliveredAt": null, "attemptLog": [{"number": 1, "attemptedAt": "2026-03-01T02:00:00Z", "durationMs": 77,
             "statusCode": 200, "error": "errcode 310000: sign not match"}]}""";
    static final String EXAMPLE_DELIVERIES = "{\"items\": [" + EXAMPLE_DELIVERY + "], \"page\": 0, \"size\": 50, \"total\": 1}";
    static final String EXAMPLE_400 = """
            {"type": "urn:duban:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/channels",
             "errors": [{"field": "target", "message": "must be a robot URL of oapi.dingtalk.com (got host example.com)"},
                        {"field": "quietHours", "message": "must be HH:mm-HH:mm, e.g. 22:00-08:00"}]}""";
    static final String EXAMPLE_403 = """
            {"type": "urn:duban:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "This belongs to another unit", "instance": "/api/channels/12"}""";
    static final String EXAMPLE_404 = """
            {"type": "urn:duban:problem:not-found", "title": "Not found", "status": 404,
             "detail": "There is no channel 12", "instance": "/api/channels/12"}""";

    private final ChannelService channels;

    ChannelResource(ChannelService channels) {
        this.channels = channels;
    }

    @GET
    @Operation(operationId = "listChannels", summary = "List channels",
            description = "A unit user sees its own unit's (unit defaults to it; another unit answers 403); the admin every "
                    + "unit's, or one unit's with unit. Ordered by unit, then oldest first; secrets and robot tokens masked")
    @APIResponse(responseCode = "200", description = "One page of channels",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelPage.class),
                    examples = @ExampleObject(name = "one channel", value = EXAMPLE_PAGE)))
    @APIResponse(responseCode = "400", description = "An invalid page, size or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ChannelView> list(
            @QueryParam("unit") @Parameter(description = "Only this unit's channels", example = "gov-340100") String unit,
            @QueryParam("type") @Parameter(description = "Only channels of this type",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"WECOM", "DINGTALK", "FEISHU", "SMS", "EMAIL"}))
            @Pattern(regexp = "WECOM|DINGTALK|FEISHU|SMS|EMAIL", message = "must be one of WECOM, DINGTALK, FEISHU, SMS, EMAIL")
            String type,
            @BeanParam @Valid PageRequest page) {
        return channels.list(unit, type == null ? null : ChannelType.valueOf(type), page);
    }

    @POST
    @Operation(operationId = "createChannel", summary = "Add a channel",
            description = "The target is checked per type: a robot URL of the platform's host (or the private deployment "
                    + "the server is configured for), a mainland mobile number, or e-mail addresses. A secret is for "
                    + "signed DingTalk and Feishu robots only. Reminder digests go to every enabled channel of the unit "
                    + "whose kinds match, outside its quiet hours; POST …/test to try it at once")
    @RequestBody(description = "The channel", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelRequest.class),
                    examples = @ExampleObject(name = "a signed DingTalk robot, quiet at night", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class),
                    examples = @ExampleObject(name = "created", value = EXAMPLE_CHANNEL)))
    @APIResponse(responseCode = "400", description = "An invalid field (each one named in errors) or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "wrong host and quiet hours", value = EXAMPLE_400)))
    @APIResponse(responseCode = "409", description = "The unit already has 20 channels",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ChannelRequest request, @Context UriInfo uri) {
        ChannelView created = channels.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getChannel", summary = "One channel",
            description = "With its state: whether it is enabled, and if not, when and why it disabled itself")
    @APIResponse(responseCode = "200", description = "The channel",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class),
                    examples = @ExampleObject(name = "enabled", value = EXAMPLE_CHANNEL)))
    @APIResponse(responseCode = "404", description = "No such channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public ChannelView get(@PathParam("id") @Parameter(description = "The channel's id", example = "12") long id) {
        return channels.get(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteChannel", summary = "Remove a channel",
            description = "Deletes it with its deliveries and their log; nothing more is sent to it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public Response delete(@PathParam("id") @Parameter(description = "The channel's id", example = "12") long id) {
        channels.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "testChannel", summary = "Send a test message now",
            description = "Sends a sample message through the channel at once (quiet hours do not apply, nor does a "
                    + "disabled state) and answers with the delivery and its attempt: DELIVERED, or FAILED with the "
                    + "platform's answer (errcode 310000: sign not match …). A test neither counts towards disabling "
                    + "the channel nor enables it")
    @APIResponse(responseCode = "200", description = "The test delivery, DELIVERED or FAILED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelDeliveryView.class),
                    examples = @ExampleObject(name = "refused: wrong secret", value = EXAMPLE_TEST)))
    @APIResponse(responseCode = "404", description = "No such channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public ChannelDeliveryView test(@PathParam("id") @Parameter(description = "The channel's id", example = "12") long id) {
        return channels.test(id);
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "enableChannel", summary = "Enable a channel again",
            description = "A channel that disabled itself after repeated failure sends again, its failure count reset; "
                    + "deliveries given up meanwhile stay FAILED. Enabling an enabled channel changes nothing")
    @APIResponse(responseCode = "200", description = "The channel, enabled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class),
                    examples = @ExampleObject(name = "enabled again", value = EXAMPLE_CHANNEL)))
    @APIResponse(responseCode = "404", description = "No such channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public ChannelView enable(@PathParam("id") @Parameter(description = "The channel's id", example = "12") long id) {
        return channels.enable(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listChannelDeliveries", summary = "A channel's delivery log, newest first",
            description = "Each message (or part of a digest) with its status, attempts, the platform's last answer, when "
                    + "the next attempt is due (after quiet hours) and every attempt")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class),
                    examples = @ExampleObject(name = "delivered on the second attempt", value = EXAMPLE_DELIVERIES)))
    @APIResponse(responseCode = "400", description = "An invalid page, size or status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public PageResponse<ChannelDeliveryView> deliveries(
            @PathParam("id") @Parameter(description = "The channel's id", example = "12") long id,
            @QueryParam("status") @Parameter(description = "Only deliveries in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "DELIVERED", "FAILED"}), example = "FAILED")
            @Pattern(regexp = "PENDING|DELIVERED|FAILED", message = "must be one of PENDING, DELIVERED, FAILED") String status,
            @BeanParam @Valid PageRequest page) {
        return channels.deliveries(id, status == null ? null : DeliveryStatus.valueOf(status), page);
    }

    @Schema(name = "ChannelPage", description = "One page of channels")
    record ChannelPage(
            @Schema(description = "The channels on this page") List<ChannelView> items,
            @Schema(description = "Zero-based page number", example = "0") int page,
            @Schema(description = "Page size asked for", example = "50") int size,
            @Schema(description = "Channels in the whole list", example = "1") long total) {
    }

    @Schema(name = "ChannelDeliveryPage", description = "One page of a channel's deliveries, newest first")
    record DeliveryPage(
            @Schema(description = "The deliveries on this page") List<ChannelDeliveryView> items,
            @Schema(description = "Zero-based page number", example = "0") int page,
            @Schema(description = "Page size asked for", example = "50") int size,
            @Schema(description = "Deliveries in the whole list", example = "1") long total) {
    }
}
