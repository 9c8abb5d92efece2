package org.duban.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone (节点) inside an assignment as it stands after a change: the REST API's Milestone (API.md;
 * task-service's tests keep the two field lists equal). Carried by {@link AssignmentEvent.MilestoneChanged}
 * as its {@code milestone}. Absent values are left out.
 *
 * @param id            the milestone
 * @param assignmentId  the assignment it belongs to
 * @param title         what is to be done by then, e.g. 报送工作方案
 * @param dueDate       ISO date; never after the assignment's due date
 * @param status        {@code OPEN} or {@code DONE}
 * @param overdue       due date before the day of the change (plan time zone) and still open
 * @param setBy         {@code OFFICE} (the supervising office set it) or {@code UNIT} (the unit planned it itself)
 * @param doneAt        ISO instant the unit reported it done, if it has
 * @param doneBy        who reported it done, if anyone has
 * @param note          what the unit wrote when it reported it done, if anything
 * @param attachmentIds the evidence (佐证材料) the unit named when it reported it done; empty when none
 * @param createdBy     who set it
 * @param createdAt     ISO instant it was set
 * @param updatedAt     ISO instant of its last change
 * @param version       grows with every change of the milestone (its REST ETag)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MilestoneSnapshot(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        long assignmentId,
        String title,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate dueDate,
        String status,
        boolean overdue,
        String setBy,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant doneAt,
        String doneBy,
        String note,
        List<Long> attachmentIds,
        String createdBy,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant createdAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt,
        long version) {

    public MilestoneSnapshot {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
    }
}
