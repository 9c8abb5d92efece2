package org.duban.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An assignment as it stands after a change: the REST API's Assignment (API.md; task-service's tests
 * keep the two field lists equal), plus two fields of its task for consumers that keep their own copy.
 * Every event on {@code duban.assignments} carries one, its fields at the top level of {@code data}.
 * Absent values are left out, never written as {@code null}.
 *
 * @param id               the assignment; also the event's subject and Kafka key
 * @param taskId           the task it is a share of
 * @param planId           the plan the task belongs to
 * @param taskNumber       the task's number in the plan (第N项)
 * @param unitCode         the unit that does the work; absent while a vague group waits for the office to name units
 * @param unitName         the unit's official name, or the group's name
 * @param groupCode        the unit group this share came from (e.g. {@code cities}), if any
 * @param qualifier        what narrows the unit down (e.g. 司法局 in 各市政府（司法局）), if anything
 * @param role             {@code LEAD} (牵头) or {@code RESPONSIBLE} (负责)
 * @param dueDate          ISO date; absent for ONGOING work
 * @param status           {@code NOT_STARTED}, {@code IN_PROGRESS}, {@code SUBMITTED} or {@code COMPLETED}
 * @param overdue          due date before the day of the change (plan time zone) and not completed
 * @param reviewNeeded     a vague group or an unclear deadline the office has to look at
 * @param reviewReason     why the office has to look at it (Chinese, reasons joined by ；), when {@code reviewNeeded}
 * @param progressPercent  the last progress report's percentage, if one gave it
 * @param lastProgressAt   ISO instant of the last progress report, if any
 * @param acknowledgedAt   ISO instant the unit signed for it (签收), if it has
 * @param acknowledgedBy   who signed for it (the unit's staff member), if anyone has
 * @param parentId         the assignment this one was delegated from (层层分解), absent for the office's own plan
 * @param delegatedBy      the code of the unit that delegated it (the parent's unit), absent for the office's own plan
 * @param childCount       how many assignments were delegated from this one (0 when none)
 * @param childrenCompleted how many of those are completed
 * @param depth            0 for the office's plan, 1 for what a unit delegated from it, 2 below that, …
 * @param updatedAt        ISO instant of this change
 * @param version          grows with every change (the REST ETag): a consumer ignores an event older than its copy
 * @param taskRequirement  the task's requirement text (具体要求)
 * @param deadlineKind     the task's deadline: {@code FIXED} or {@code ONGOING}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssignmentSnapshot(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) long id,
        long taskId,
        long planId,
        int taskNumber,
        String unitCode,
        String unitName,
        String groupCode,
        String qualifier,
        String role,
        @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate dueDate,
        String status,
        boolean overdue,
        boolean reviewNeeded,
        String reviewReason,
        Integer progressPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant lastProgressAt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant acknowledgedAt,
        String acknowledgedBy,
        Long parentId,
        String delegatedBy,
        int childCount,
        int childrenCompleted,
        int depth,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant updatedAt,
        long version,
        String taskRequirement,
        String deadlineKind) {

    /** An assignment of the office's own plan (depth 0, nothing delegated from it): the fields before delegation. */
    public AssignmentSnapshot(long id, long taskId, long planId, int taskNumber, String unitCode, String unitName,
                              String groupCode, String qualifier, String role, LocalDate dueDate, String status,
                              boolean overdue, boolean reviewNeeded, String reviewReason, Integer progressPercent,
                              Instant lastProgressAt, Instant acknowledgedAt, String acknowledgedBy, Instant updatedAt,
                              long version, String taskRequirement, String deadlineKind) {
        this(id, taskId, planId, taskNumber, unitCode, unitName, groupCode, qualifier, role, dueDate, status, overdue,
                reviewNeeded, reviewReason, progressPercent, lastProgressAt, acknowledgedAt, acknowledgedBy, null, null, 0, 0, 0,
                updatedAt, version, taskRequirement, deadlineKind);
    }
}
