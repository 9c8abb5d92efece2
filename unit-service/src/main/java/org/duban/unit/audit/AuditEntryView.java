package org.duban.unit.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One recorded write, as the office reads it. */
@Schema(name = "AuditEntry", description = "Who did what, when, from where: one successful write in one service")
public record AuditEntryView(
        @Schema(example = "1042") long id,
        @Schema(description = "When the write was answered", example = "2026-03-02T01:35:05Z") Instant at,
        @Schema(description = "The service that took it", example = "task-service") String service,
        @Schema(description = "User name", example = "office") String actor,
        @Schema(description = "The token's subject", example = "5d0c1f4e-8d9a-4a53-9d57-0c6b4f1b2e11") String subject,
        @Schema(description = "The caller's Duban roles", example = "[\"admin\"]") List<String> roles,
        @Schema(description = "The caller's unit; null for the office and integrators", example = "gov-340100") String unitCode,
        @Schema(description = "Method and endpoint template", example = "POST /api/assignments/{id}/transitions") String action,
        @Schema(example = "POST") String method,
        @Schema(description = "The path as requested", example = "/api/assignments/41/transitions") String path,
        @Schema(description = "The id of what was written, when the path or Location names one", example = "41") String resourceId,
        @Schema(example = "200") int status,
        @Schema(description = "The client's address (first X-Forwarded-For entry)", example = "10.8.1.23") String address,
        @Schema(description = "The X-Forwarded-For chain as received", example = "10.8.1.23, 10.0.3.7") String forwardedFor,
        @Schema(example = "Mozilla/5.0") String userAgent,
        @Schema(description = "The gateway's X-Request-Id", example = "7f3c2a9e-1b7d-4f0e-9a51-3f0d2c1b6e44") String requestId) {
}
