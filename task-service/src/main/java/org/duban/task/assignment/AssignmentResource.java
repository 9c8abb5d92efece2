package org.duban.task.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Versions;
import org.duban.platform.security.Roles;
import org.duban.task.evidence.Evidence;
import org.duban.task.plan.PlanCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Each unit's share of each task: workflow, progress, extensions, history")
public class AssignmentResource {

    private final AssignmentService assignments;
    private final AssignmentQueries queries;
    private final PlanCalendar calendar;
    private final Evidence evidence;

    AssignmentResource(AssignmentService assignments, AssignmentQueries queries, PlanCalendar calendar, Evidence evidence) {
        this.assignments = assignments;
        this.queries = queries;
        this.calendar = calendar;
        this.evidence = evidence;
    }

    @GET
    @Operation(operationId = "listAssignments", summary = "List assignments", description = "A unit user sees only its own "
            + "unit's. sort: dueDate (default), taskNumber, unit, updatedAt; prefix - for descending. overdue is computed in "
            + "the plan's time zone; acknowledged=false lists what is not signed for (签收) yet.")
    public PageResponse<AssignmentView> list(@BeanParam @Valid AssignmentFilterParams filter,
                                             @QueryParam("sort") String sort, @BeanParam @Valid PageRequest page) {
        LocalDate today = calendar.today();
        PageResponse<Assignment> found = queries.list(filter.toFilter(), sort, page, today);
        return new PageResponse<>(found.items().stream().map(a -> AssignmentView.of(a, today)).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAssignment", summary = "One assignment; its ETag is its version")
    public Response get(@PathParam("id") long id) {
        Assignment a = assignments.visible(id);
        return withEtag(a);
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "acknowledgeAssignment", summary = "Sign for an assignment (签收; the assignment's own unit)",
            description = "The unit confirms it has received the assignment and takes it on; acknowledgedAt and "
                    + "acknowledgedBy record when and who. No body and no If-Match. Idempotent: the first call signs "
                    + "(event duban.assignment.acknowledged, an ACKNOWLEDGED entry in the history), every later one "
                    + "changes nothing and answers the same first values. Both answer 200 with the assignment and its "
                    + "ETag. Any status may be signed for; a unit that starts work without signing stays unsigned.")
    @APIResponse(responseCode = "200", description = "Signed for, now or before: the assignment",
            content = @Content(schema = @Schema(implementation = AssignmentView.class), examples = @ExampleObject(
                    name = "signed", value = """
                            {"id": 1042, "taskId": 39, "planId": 1, "taskNumber": 39, "unitCode": "gov-340100",
                             "unitName": "合肥市人民政府", "role": "RESPONSIBLE", "dueDate": "2022-06-30",
                             "status": "NOT_STARTED", "overdue": false, "reviewNeeded": false,
                             "acknowledgedAt": "2022-06-07T01:30:00Z", "acknowledgedBy": "hefei",
                             "updatedAt": "2022-06-07T01:30:00Z", "version": 1}""")))
    @APIResponse(responseCode = "403", description = "Not the assignment's own unit")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(responseCode = "409", description = "A group assignment whose units the office has not named yet, or replaced")
    public Response acknowledge(@PathParam("id") long id) {
        return withEtag(assignments.acknowledge(id));
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "transitionAssignment", summary = "Move an assignment through its workflow (If-Match)",
            description = "NOT_STARTED→IN_PROGRESS→SUBMITTED by the assignment's own unit; SUBMITTED→COMPLETED and the return "
                    + "SUBMITTED→IN_PROGRESS by the office (admin). Any other move answers 409. attachmentIds cite evidence "
                    + "files uploaded to this assignment (400 for any other id); cited files can no longer be deleted.")
    public Response transition(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull Requests.Transition body) {
        return withEtag(assignments.transition(id, Versions.required(ifMatch), body.to(), body.note(), body.attachmentIds()));
    }

    @POST
    @Path("{id}/progress")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "reportProgress", summary = "Report progress (the assignment's own unit); the first report also starts the work",
            description = "attachmentIds cite evidence files uploaded to this assignment (400 for any other id).")
    public Response progress(@PathParam("id") long id, @Valid @NotNull Requests.Progress body) {
        return withEtag(assignments.reportProgress(id, body.text(), body.percent(), body.attachmentIds()));
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getAssignmentHistory", summary = "Status changes, progress reports and due-date changes, oldest first",
            description = "A progress report or a status change (a submission, say) lists the evidence files it cites.")
    public List<HistoryEntryView> history(@PathParam("id") long id) {
        List<AssignmentHistory> entries = assignments.history(id);
        var cited = evidence.citedBy(entries.stream().map(h -> h.id).filter(java.util.Objects::nonNull).toList());
        return entries.stream().map(h -> HistoryEntryView.of(h, h.id == null ? null : cited.get(h.id))).toList();
    }

    @POST
    @Path("{id}/extension-requests")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "requestExtension",
            summary = "Ask for a later due date (the assignment's own unit); one open request at a time")
    public Response requestExtension(@PathParam("id") long id, @Valid @NotNull Requests.Extension body) {
        var request = assignments.requestExtension(id, body.until(), body.reason());
        return Response.status(201).entity(ExtensionRequestView.of(request)).build();
    }

    @GET
    @Path("{id}/extension-requests")
    @Operation(operationId = "listAssignmentExtensionRequests", summary = "The extension requests of one assignment, oldest first")
    public List<ExtensionRequestView> extensionRequests(@PathParam("id") long id) {
        return assignments.extensionRequests(id).stream().map(ExtensionRequestView::of).toList();
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "resolveGroupAssignment", summary = "Name the units of a group assignment that needs review (admin)",
            description = "Replaces the group assignment with one assignment per named unit.")
    public List<AssignmentView> resolve(@PathParam("id") long id, @Valid @NotNull Requests.ResolveGroup body,
                                        @HeaderParam("Authorization") String authorization) {
        var today = calendar.today();
        return assignments.resolve(id, body.unitCodes(), authorization).stream().map(a -> AssignmentView.of(a, today)).toList();
    }

    private Response withEtag(Assignment a) {
        return Response.ok(AssignmentView.of(a, calendar.today())).tag(Versions.etag(a.version)).build();
    }

    /** The query parameters of the assignment list, validated. */
    public static class AssignmentFilterParams {
        @QueryParam("planId") public Long planId;
        @QueryParam("unit") public String unit;
        @QueryParam("role") @Pattern(regexp = "LEAD|RESPONSIBLE", message = "must be LEAD or RESPONSIBLE") public String role;
        @QueryParam("status") @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|SUBMITTED|COMPLETED",
                message = "must be NOT_STARTED, IN_PROGRESS, SUBMITTED or COMPLETED") public String status;
        @QueryParam("overdue") public Boolean overdue;
        @QueryParam("dueBefore") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2022-12-31") public String dueBefore;
        @QueryParam("updatedSince") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T.+", message = "must be an instant like 2022-07-01T00:00:00Z")
        public String updatedSince;
        @QueryParam("reviewNeeded") public Boolean reviewNeeded;
        @QueryParam("taskNumber") public Integer taskNumber;
        @QueryParam("acknowledged") @Pattern(regexp = "true|false", message = "must be true or false")
        @Parameter(description = "true: only those the unit has signed for (签收); false: only those not signed for yet")
        public String acknowledged;

        public AssignmentFilter toFilter() {
            return new AssignmentFilter(planId, unit,
                    role == null ? null : Assignment.Role.valueOf(role),
                    status == null ? null : AssignmentStatus.valueOf(status), overdue,
                    dueBefore == null ? null : parseDate(dueBefore),
                    updatedSince == null ? null : parseInstant(updatedSince), reviewNeeded, taskNumber,
                    acknowledged == null ? null : Boolean.valueOf(acknowledged));
        }

        private static java.time.LocalDate parseDate(String value) {
            try {
                return java.time.LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw org.duban.platform.api.ProblemException.validation(List.of(new org.duban.platform.api.Problem.FieldError(
                        "dueBefore", "must be a real date like 2022-12-31")));
            }
        }

        private static java.time.Instant parseInstant(String value) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw org.duban.platform.api.ProblemException.validation(List.of(new org.duban.platform.api.Problem.FieldError(
                        "updatedSince", "must be an instant with offset, like 2022-07-01T00:00:00+08:00")));
            }
        }
    }
}
