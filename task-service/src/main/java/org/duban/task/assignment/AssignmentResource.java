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
    private final DelegationService delegations;
    private final UrgeService urges;

    AssignmentResource(AssignmentService assignments, AssignmentQueries queries, PlanCalendar calendar, Evidence evidence,
                       DelegationService delegations, UrgeService urges) {
        this.delegations = delegations;
        this.urges = urges;
        this.assignments = assignments;
        this.queries = queries;
        this.calendar = calendar;
        this.evidence = evidence;
    }

    @GET
    @Operation(operationId = "listAssignments", summary = "List assignments", description = "A unit user sees its own "
            + "unit's; with parentId, delegatedBy or supervisedBy every share it may read that matches: those below its own "
            + "(层层分解) and those of the tasks it leads (牵头) — never another tree's. sort: dueDate (default), taskNumber, unit, "
            + "updatedAt; prefix - for descending. overdue is computed in the plan's time zone; acknowledged=false lists what "
            + "is not signed for (签收) yet; depth=0 the plan as the office issued it, depth=1 what was delegated once, ….")
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
                    + "SUBMITTED→IN_PROGRESS by the office (admin) or, for a delegated assignment, by the unit that delegated it. "
                    + "An assignment with open children cannot be submitted (409 naming them). Any other move answers 409. attachmentIds cite evidence "
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
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "resolveGroupAssignment", summary = "Name the units of a group assignment that needs review (admin)",
            description = "Replaces the group assignment (or the work of an abolished unit) with one assignment per named unit. "
                    + "For a delegated assignment the unit that delegated it may name them too, from its own subtree.")
    public List<AssignmentView> resolve(@PathParam("id") long id, @Valid @NotNull Requests.ResolveGroup body,
                                        @HeaderParam("Authorization") String authorization) {
        var today = calendar.today();
        return assignments.resolve(id, body.unitCodes(), authorization).stream().map(a -> AssignmentView.of(a, today)).toList();
    }

    @POST
    @Path("{id}/delegations")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "delegateAssignment", summary = "Delegate an assignment to units below (层层分解; the assignment's own unit)",
            description = "Creates one child assignment per item: a full assignment of the same task (sign-for, milestones, "
                    + "progress, evidence, reminders) with parentId = this one, delegatedBy = this assignment's unit and depth one "
                    + "more. Only units below the delegating unit in the unit registry (any depth); due no later than this "
                    + "assignment (default: its due date). The delegating unit supervises the children: it approves or returns "
                    + "their submissions, decides their extension requests within its own due date and names units for them. "
                    + "This assignment cannot be submitted while a child is open. Events: duban.assignment.created for each "
                    + "child, duban.assignment.children-changed for this one (its childCount and version move). All or nothing.")
    @APIResponse(responseCode = "201", description = "The children, in the order of the items",
            content = @Content(schema = @Schema(implementation = AssignmentView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                    examples = @ExampleObject(name = "delegated", value = """
                            [{"id": 5101, "taskId": 22, "planId": 1, "taskNumber": 22, "unitCode": "gov-340123",
                              "unitName": "肥西县人民政府", "role": "RESPONSIBLE", "dueDate": "2022-11-30", "status": "NOT_STARTED",
                              "overdue": false, "reviewNeeded": false, "parentId": 1042, "delegatedBy": "gov-340100", "depth": 1,
                              "childCount": 0, "childrenCompleted": 0, "updatedAt": "2022-06-08T02:00:00Z", "version": 0}]""")))
    @APIResponse(responseCode = "400", description = "A unit outside the delegating unit's subtree, unknown or abolished; a date after this assignment's")
    @APIResponse(responseCode = "403", description = "Not the assignment's own unit")
    @APIResponse(responseCode = "409", description = "A unit was given this assignment already; this assignment is submitted or completed")
    public Response delegate(@PathParam("id") long id, @Valid @NotNull Requests.Delegation body,
                             @HeaderParam("Authorization") String authorization) {
        var today = calendar.today();
        List<DelegationService.Item> items = body.items().stream()
                .map(i -> new DelegationService.Item(i.unitCode().trim(), i.role(), i.dueDate(), i.note())).toList();
        List<AssignmentView> children = delegations.delegate(id, items, authorization).stream()
                .map(a -> AssignmentView.of(a, today)).toList();
        return Response.status(201).entity(children).build();
    }

    @GET
    @Path("{id}/children")
    @Operation(operationId = "listChildAssignments", summary = "The assignments delegated from this one, by unit",
            description = "Whoever may read this assignment: its unit, the units above it, the task's lead units, the office, "
                    + "viewers and integrators. Each child shows its own childCount and childrenCompleted, so a client walks "
                    + "the tree down level by level.")
    public List<AssignmentView> children(@PathParam("id") long id) {
        var today = calendar.today();
        return delegations.children(id).stream().map(a -> AssignmentView.of(a, today)).toList();
    }

    @POST
    @Path("{id}/urge")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "urgeAssignment", summary = "Urge the assignment's unit (催办)",
            description = "The office, a lead unit of the task or the unit that delegated the assignment. Event "
                    + "duban.assignment.urged (the assignment + message, by, senderUnitCode, senderRole OFFICE|LEAD|DELEGATOR, "
                    + "urgedAt); reminder-service tells the unit on every channel it uses (notification kind URGE), and the "
                    + "assignment's history records it. At most one urge per assignment per sender per day (Asia/Shanghai): "
                    + "a second answers 429 with Retry-After (seconds to the next day).")
    @APIResponse(responseCode = "201", description = "Sent", content = @Content(schema = @Schema(implementation = UrgeView.class),
            examples = @ExampleObject(name = "urged", value = """
                    {"assignmentId": 5101, "message": "该项任务已临近完成时限，请抓紧办理并及时报送进展", "by": "hefei",
                     "senderUnitCode": "gov-340100", "senderRole": "DELEGATOR", "urgedAt": "2022-11-20T01:30:00Z"}""")))
    @APIResponse(responseCode = "403", description = "Neither the office, a lead unit of the task nor the delegating unit")
    @APIResponse(responseCode = "409", description = "Completed, or a group whose units are not named yet")
    @APIResponse(responseCode = "429", description = "This sender urged this assignment today already; Retry-After says when to try again")
    public Response urge(@PathParam("id") long id, @Valid @NotNull Requests.Urge body, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        try {
            UrgeService.Urge urge = urges.urge(id, body.message().strip());
            return Response.status(201).entity(new UrgeView(urge.assignmentId(), urge.message(), urge.by(), urge.senderUnitCode(),
                    urge.senderRole(), urge.urgedAt())).build();
        } catch (UrgeService.AlreadyUrged e) {
            return Response.status(429).type(org.duban.platform.api.Problem.MEDIA_TYPE)
                    .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                    .entity(e.problem().withInstance(uri.getPath())).build();
        }
    }

    /** An urge as sent. */
    @Schema(name = "Urge")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record UrgeView(long assignmentId, String message, String by,
                           @Schema(description = "The sending unit; absent when the office sent it") String senderUnitCode,
                           @Schema(enumeration = {"OFFICE", "LEAD", "DELEGATOR"}) String senderRole, java.time.Instant urgedAt) {
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
        @QueryParam("parentId")
        @Parameter(description = "Only the assignments delegated from this one (层层分解)")
        public Long parentId;
        @QueryParam("delegatedBy")
        @Parameter(description = "Only the assignments this unit delegated")
        public String delegatedBy;
        @QueryParam("supervisedBy")
        @Parameter(description = "Only the assignments this unit supervises: those it delegated (the office supervises the "
                + "plan's own, depth 0)")
        public String supervisedBy;
        @QueryParam("depth") @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(50)
        @Parameter(description = "Only one level: 0 the plan as the office issued it, 1 delegated once, …")
        public Integer depth;

        public AssignmentFilter toFilter() {
            return new AssignmentFilter(planId, unit,
                    role == null ? null : Assignment.Role.valueOf(role),
                    status == null ? null : AssignmentStatus.valueOf(status), overdue,
                    dueBefore == null ? null : parseDate(dueBefore),
                    updatedSince == null ? null : parseInstant(updatedSince), reviewNeeded, taskNumber,
                    acknowledged == null ? null : Boolean.valueOf(acknowledged), parentId, blankToNull(delegatedBy),
                    blankToNull(supervisedBy), depth, false);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
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
