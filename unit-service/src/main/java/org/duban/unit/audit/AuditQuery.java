package org.duban.unit.audit;

import java.time.Instant;

/** The office's filter: every field optional; {@code since} inclusive, {@code until} exclusive. */
public record AuditQuery(String actor, String unitCode, Instant since, Instant until, String action) {
}
