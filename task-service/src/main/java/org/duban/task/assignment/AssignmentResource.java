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
import org.duban.task.plan.PlanCalendar;
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    AssignmentResource(AssignmentService assignments, AssignmentQueries queries, PlanCalendar calendar) {
        this.assignments = assignments;
        this.queries = queries;
        this.calendar = calendar;
    }

    @GET
    @Operation(operationId = "listAssignments",
            summary = "List assignments", description = "A unit user sees only its own unit's. sort: dueDate (default), "
            + "taskNumber, unit, updatedAt; prefix - for descending. overdue is computed in the plan's time zone.")
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
    @Path("{id}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT})
    @Operation(operationId = "transitionAssignment", summary = "Move an assignment through its workflow (If-Match)",
            description = "NOT_STARTED→IN_PROGRESS→SUBMITTED by the assignment's own unit; SUBMITTED→COMPLETED and the return "
                    + "SUBMITTED→IN_PROGRESS by the office (admin). Any other move answers 409.")
    public Response transition(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull Requests.Transition body) {
        return withEtag(assignments.transition(id, Versions.required(ifMatch), body.to(), body.note()));
    }

    @POST
    @Path("{id}/progress")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "reportProgress",
            summary = "Report progress (the assignment's own unit); the first report also starts the work")
    public Response progress(@PathParam("id") long id, @Valid @NotNull Requests.Progress body) {
        return withEtag(assignments.reportProgress(id, body.text(), body.percent()));
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "getAssignmentHistory",
            summary = "Status changes, progress reports and due-date changes, oldest first")
    public List<HistoryEntryView> history(@PathParam("id") long id) {
        return assignments.history(id).stream().map(HistoryEntryView::of).toList();
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

        public AssignmentFilter toFilter() {
            return new AssignmentFilter(planId, unit,
                    role == null ? null : Assignment.Role.valueOf(role),
                    status == null ? null : AssignmentStatus.valueOf(status), overdue,
                    dueBefore == null ? null : parseDate(dueBefore),
                    updatedSince == null ? null : parseInstant(updatedSince), reviewNeeded, taskNumber);
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
