package org.duban.task.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.task.domain.ExtensionRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "ExtensionRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtensionRequestView(long id, long assignmentId, LocalDate until, String reason, String status,
                                   String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                                   String decisionNote) {

    public static ExtensionRequestView of(ExtensionRequest r) {
        return new ExtensionRequestView(r.id, r.assignmentId, r.until, r.reason, r.status.name(), r.requestedBy,
                r.requestedAt, r.decidedBy, r.decidedAt, r.decisionNote);
    }
}
