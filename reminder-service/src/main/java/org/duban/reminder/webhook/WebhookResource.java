package org.duban.reminder.webhook;

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
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATOR})
@Tag(name = "Webhooks", description = "Signed HTTP deliveries of notifications to OA systems (Standard Webhooks); "
        + "for admin and integrator")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthenticated", value = WebhookResource.EXAMPLE_401)))
@APIResponse(responseCode = "403", description = "Signed in, but neither admin nor integrator",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "forbidden", value = WebhookResource.EXAMPLE_403)))
public class WebhookResource {

    static final String EXAMPLE_WEBHOOK = """
            {"id": 7, "url": "https://oa.hefei.gov.cn/hooks/duban", "secret": "whsec_********LaSw",
             "events": ["OVERDUE", "ESCALATION"], "unitCode": "gov-340100", "active": true, "disabledAt": null,
             "disabledReason": null, "consecutiveFailures": 0, "failingSince": null,
             "lastSuccessAt": "2026-03-01T01:00:00Z", "createdAt": "2026-02-27T08:00:00Z",
             "createdBy": "service-account-duban-integrator"}""";
    static final String EXAMPLE_CREATED = """
            {"id": 7, "url": "https://oa.hefei.gov.cn/hooks/duban", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
             "events": ["OVERDUE", "ESCALATION"], "unitCode": "gov-340100", "active": true, "disabledAt": null,
             "disabledReason": null, "consecutiveFailures": 0, "failingSince": null, "lastSuccessAt": null,
             "createdAt": "2026-02-27T08:00:00Z", "createdBy": "service-account-duban-integrator"}""";
    static final String EXAMPLE_REQUEST = """
            {"url": "https://oa.hefei.gov.cn/hooks/duban", "events": ["OVERDUE", "ESCALATION"], "unitCode": "gov-340100"}""";
    static final String EXAMPLE_PAGE = "{\"items\": [" + EXAMPLE_WEBHOOK + "], \"page\": 0, \"size\": 50, \"total\": 1}";
    static final String EXAMPLE_DELIVERIES = """
            {"items": [{"id": 1024, "messageId": "msg_2c6f0b1e-notification-88", "eventType": "duban.notification.sent",
              "status": "DELIVERED", "attempts": 2, "lastStatusCode": 200, "lastError": null, "nextAttemptAt": null,
              "createdAt": "2026-03-01T00:00:00Z", "deliveredAt": "2026-03-01T00:00:05.120Z",
              "attemptLog": [
                {"number": 1, "attemptedAt": "2026-03-01T00:00:00Z", "durationMs": 87, "statusCode": 503,
                 "error": "HTTP 503: Service Unavailable"},
                {"number": 2, "attemptedAt": "2026-03-01T00:00:05Z", "durationMs": 120, "statusCode": 200, "error": null}]}],
             "page": 0, "size": 50, "total": 1}""";
    static final String EXAMPLE_400 = """
            {"type": "urn:duban:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/webhooks",
             "errors": [{"field": "url", "message": "must use http or https, not ftp"},
                        {"field": "secret", "message": "must be in the Standard Webhooks form whsec_<base64 of 24 to 64 random bytes>, starting with the prefix whsec_ (the key is the base64 after it); if you generated a base64 key yourself, put whsec_ in front of it, or leave secret out to have one generated"}]}""";
    static final String EXAMPLE_404 = """
            {"type": "urn:duban:problem:not-found", "title": "Not found", "status": 404,
             "detail": "There is no webhook 7", "instance": "/api/webhooks/7"}""";
    static final String EXAMPLE_401 = """
            {"type": "urn:duban:problem:unauthenticated", "title": "Unauthorized", "status": 401,
             "detail": "A valid bearer token is required", "instance": "/api/webhooks"}""";
    static final String EXAMPLE_403 = """
            {"type": "urn:duban:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role does not allow this", "instance": "/api/webhooks"}""";

    private final WebhookService webhooks;
    private final CurrentUser user;

    WebhookResource(WebhookService webhooks, CurrentUser user) {
        this.webhooks = webhooks;
        this.user = user;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions",
            description = "Every subscription, oldest first, with its secret masked; filter by unit and by whether it is active")
    @APIResponse(responseCode = "200", description = "One page of subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookPage.class),
                    examples = @ExampleObject(name = "one subscription", value = EXAMPLE_PAGE)))
    @APIResponse(responseCode = "400", description = "An invalid page, size or filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<WebhookView> list(
            @QueryParam("unit") @Parameter(description = "Only subscriptions for this unit", example = "gov-340100") String unit,
            @QueryParam("active") @Parameter(description = "true: only active ones; false: only disabled ones", example = "true")
            Boolean active,
            @BeanParam @Valid PageRequest page) {
        return webhooks.list(unit, active, page);
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Subscribe a receiver",
            description = "Deliveries are POSTed to url as {\"type\", \"timestamp\", \"data\"} with the Standard Webhooks "
                    + "headers webhook-id, webhook-timestamp and webhook-signature, and retried with backoff for about a "
                    + "day. Without a secret, one of 32 random bytes is generated. The answer is the only place the "
                    + "secret is shown in full: keep it")
    @RequestBody(description = "The subscription", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookRequest.class),
                    examples = @ExampleObject(name = "overdue and escalations of 合肥市人民政府", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location names it. The secret is in full, this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "created", value = EXAMPLE_CREATED)))
    @APIResponse(responseCode = "400", description = "An invalid field (each one named in errors) or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad url and secret", value = EXAMPLE_400)))
    public Response create(@Valid @NotNull WebhookRequest request, @Context UriInfo uri) {
        WebhookView created = webhooks.create(request, user.username());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook",
            summary = "One webhook subscription", description = "With its secret masked, whether it is active, "
            + "and if not, why it was disabled")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "active", value = EXAMPLE_WEBHOOK)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public WebhookView get(@PathParam("id") @Parameter(description = "The subscription's id", example = "7") long id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook",
            summary = "Unsubscribe", description = "Deletes the subscription with its deliveries and their log; "
            + "nothing more is sent to it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public Response delete(@PathParam("id") @Parameter(description = "The subscription's id", example = "7") long id) {
        webhooks.delete(id, user.username());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "enableWebhook", summary = "Re-enable a subscription",
            description = "A subscription that disabled itself after repeated failure (active: false, disabledReason) "
                    + "is active again, with its failure count reset; messages from now on are delivered to it. "
                    + "Deliveries given up while it was disabled stay FAILED. Enabling an active subscription changes nothing")
    @APIResponse(responseCode = "200", description = "The subscription, active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "active again", value = EXAMPLE_WEBHOOK)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public WebhookView enable(@PathParam("id") @Parameter(description = "The subscription's id", example = "7") long id) {
        return webhooks.enable(id, user.username());
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's deliveries, newest first",
            description = "Each with its status, the number of attempts, the last answer or error, when the next attempt "
                    + "is due, and the log of every attempt (status code, error, duration)")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class),
                    examples = @ExampleObject(name = "delivered on the second attempt", value = EXAMPLE_DELIVERIES)))
    @APIResponse(responseCode = "400", description = "An invalid page, size or status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = EXAMPLE_404)))
    public PageResponse<DeliveryView> deliveries(
            @PathParam("id") @Parameter(description = "The subscription's id", example = "7") long id,
            @QueryParam("status") @Parameter(description = "Only deliveries in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "DELIVERED", "FAILED"}), example = "FAILED")
            @Pattern(regexp = "PENDING|DELIVERED|FAILED", message = "must be one of PENDING, DELIVERED, FAILED") String status,
            @BeanParam @Valid PageRequest page) {
        return webhooks.deliveries(id, status == null ? null : DeliveryStatus.valueOf(status), page);
    }

    /** For the OpenAPI document only: the list envelope with its item type. */
    @Schema(name = "WebhookPage", description = "One page of webhook subscriptions")
    record WebhookPage(
            @Schema(description = "The subscriptions on this page") java.util.List<WebhookView> items,
            @Schema(description = "Zero-based page number", example = "0") int page,
            @Schema(description = "Page size asked for", example = "50") int size,
            @Schema(description = "Subscriptions in the whole list", example = "1") long total) {
    }

    @Schema(name = "WebhookDeliveryPage", description = "One page of deliveries, newest first")
    record DeliveryPage(
            @Schema(description = "The deliveries on this page") java.util.List<DeliveryView> items,
            @Schema(description = "Zero-based page number", example = "0") int page,
            @Schema(description = "Page size asked for", example = "50") int size,
            @Schema(description = "Deliveries in the whole list", example = "1") long total) {
    }
}
