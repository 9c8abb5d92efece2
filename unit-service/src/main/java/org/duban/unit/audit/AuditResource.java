package org.duban.unit.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.PageRequest;
import org.duban.platform.api.PageResponse;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The audit trail, for the office: who did what, when, from where. */
@Path("/api/audit")
@Tag(name = "Audit", description = "Every successful write in every service, kept for duban.audit.retention; admin only")
public class AuditResource {

    static final String CSV = "text/csv";

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "listAuditEntries", summary = "Search the audit trail",
            description = "Newest first. Filters: actor (user name, exact), unit (the actor's unit), since (inclusive) "
                    + "and until (exclusive) as ISO instants, action (a part of e.g. 'POST /api/assignments/{id}/transitions'). "
                    + "Accept: text/csv or format=csv answers the page as CSV (UTF-8 with BOM, for spreadsheet programs).")
    public Response list(
            @QueryParam("actor") @Parameter(description = "User name", example = "office") String actor,
            @QueryParam("unit") @Parameter(description = "The actor's unit code", example = "gov-340100") String unit,
            @QueryParam("since") @Parameter(description = "From this instant, inclusive", example = "2026-03-01T00:00:00Z") String since,
            @QueryParam("until") @Parameter(description = "Before this instant", example = "2026-04-01T00:00:00Z") String until,
            @QueryParam("action") @Parameter(description = "A part of the action", example = "transitions") String action,
            @QueryParam("format") @Parameter(description = "csv for a CSV answer", example = "csv") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @BeanParam @Valid PageRequest page) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant from = instant("since", since, errors);
        Instant to = instant("until", until, errors);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            errors.add(new Problem.FieldError("format", "must be csv or json"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        PageResponse<AuditEntryView> found = trail.find(new AuditQuery(blank(actor), blank(unit), from, to, blank(action)), page);
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains(CSV)
                && !accept.contains(MediaType.APPLICATION_JSON));
        if (csv) {
            return Response.ok(AuditCsv.write(found.items()).getBytes(StandardCharsets.UTF_8), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"duban-audit.csv\"")
                    .header("X-Total-Count", found.total())
                    .build();
        }
        return Response.ok(found, MediaType.APPLICATION_JSON).build();
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO instant, e.g. 2026-03-01T00:00:00Z"));
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
