package org.duban.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code data} of an event on {@code duban.assignments} (key and subject: the assignment id): the
 * assignment after the change, its fields at the top level, and beside them the change's own fields.
 * One record per CloudEvents type. A consumer that only keeps a copy of assignments may read any type,
 * including one newer than this list, as an {@link AssignmentSnapshot}.
 */
public sealed interface AssignmentEvent {

    String TOPIC = "duban.assignments";

    /** Every type this version knows, in the order of an assignment's life. */
    List<String> TYPES = List.of(Created.TYPE, Acknowledged.TYPE, StatusChanged.TYPE, ProgressReported.TYPE,
            MilestoneChanged.TYPE, DueDateChanged.TYPE, Replaced.TYPE, UnitUpdated.TYPE, Urged.TYPE);

    /** The assignment after the change. */
    AssignmentSnapshot assignment();

    /** Who made the change: the user name from the token ({@code office}, {@code staff-gov-340100}, …). */
    String by();

    /** The CloudEvents type, e.g. {@code duban.assignment.status-changed}. */
    String eventType();

    /** The record for {@code type}; empty for a type this version does not know. */
    static Optional<Class<? extends AssignmentEvent>> recordFor(String type) {
        return Optional.ofNullable(switch (type) {
            case Created.TYPE -> Created.class;
            case Acknowledged.TYPE -> Acknowledged.class;
            case MilestoneChanged.TYPE -> MilestoneChanged.class;
            case StatusChanged.TYPE -> StatusChanged.class;
            case ProgressReported.TYPE -> ProgressReported.class;
            case DueDateChanged.TYPE -> DueDateChanged.class;
            case Replaced.TYPE -> Replaced.class;
            case UnitUpdated.TYPE -> UnitUpdated.class;
            case Urged.TYPE -> Urged.class;
            default -> null;
        });
    }

    /**
     * A new assignment: imported with its plan, or named by the office for a vague group.
     *
     * @param assignment the new assignment
     * @param by         who imported or named it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Created(@JsonUnwrapped AssignmentSnapshot assignment, String by) implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.created";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * The unit signed for the assignment (签收): someone there has seen it and takes it on. Sent once per
     * assignment; signing again changes nothing and sends nothing.
     *
     * @param assignment the assignment with its {@code acknowledgedAt} and {@code acknowledgedBy}
     * @param by         the unit's staff member who signed (the same as {@code acknowledgedBy})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Acknowledged(@JsonUnwrapped AssignmentSnapshot assignment, String by) implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.acknowledged";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * A milestone (节点) of the assignment was set, changed, reported done or removed. The assignment's
     * {@code version} and {@code updatedAt} move with it, so a copy that skips older events by version keeps
     * the changes in order.
     *
     * @param assignment the assignment the milestone belongs to
     * @param change     {@code CREATED}, {@code UPDATED} (title or due date), {@code COMPLETED} or {@code DELETED}
     * @param milestone  the milestone after the change; for {@code DELETED} as it was when removed
     * @param by         who made the change: the office or the unit's staff
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MilestoneChanged(@JsonUnwrapped AssignmentSnapshot assignment, String change, MilestoneSnapshot milestone,
                            String by) implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.milestone-changed";

        /** The values of {@code change}. */
        public static final String CREATED = "CREATED";
        public static final String UPDATED = "UPDATED";
        public static final String COMPLETED = "COMPLETED";
        public static final String DELETED = "DELETED";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * A move in the workflow ({@code NOT_STARTED → IN_PROGRESS → SUBMITTED → COMPLETED}, or a return).
     *
     * @param assignment the assignment in its new status
     * @param from       the status before
     * @param to         the status after (the same as {@code assignment.status})
     * @param by            who moved it: the unit's staff, or the office
     * @param note          what they wrote with it, if anything
     * @param attachmentIds the evidence files it cites (a submission's 佐证材料); absent when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusChanged(@JsonUnwrapped AssignmentSnapshot assignment, String from, String to, String by, String note,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> attachmentIds)
            implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.status-changed";

        /** A move that cites no files. */
        public StatusChanged(AssignmentSnapshot assignment, String from, String to, String by, String note) {
            this(assignment, from, to, by, note, null);
        }

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * A unit reported its progress.
     *
     * @param assignment the assignment with its new {@code progressPercent} and {@code lastProgressAt}
     * @param text       the report
     * @param percent       how far the work is, 0–100, if the unit said
     * @param by            the unit's staff member who reported
     * @param attachmentIds the evidence files the report cites; absent when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgressReported(@JsonUnwrapped AssignmentSnapshot assignment, String text, Integer percent, String by,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> attachmentIds)
            implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.progress-reported";

        /** A report that cites no files. */
        public ProgressReported(AssignmentSnapshot assignment, String text, Integer percent, String by) {
            this(assignment, text, percent, by, null);
        }

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * The due date moved (an approved extension request).
     *
     * @param assignment the assignment with its new due date
     * @param from       ISO date before; absent when there was none
     * @param to         ISO date after; absent when there is none now
     * @param by         who decided
     * @param note       the decision's note, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DueDateChanged(@JsonUnwrapped AssignmentSnapshot assignment,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate from,
                          @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate to,
                          String by, String note) implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.due-date-changed";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * Added to API.md's list: a vague group assignment replaced by one assignment per unit the office
     * named (each announced by its own {@link Created}). The group assignment is no longer worked on.
     *
     * @param assignment the group assignment as it was when replaced
     * @param replacedBy the ids of the assignments that replace it
     * @param by         who named the units
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Replaced(@JsonUnwrapped AssignmentSnapshot assignment, List<Long> replacedBy, String by)
            implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.replaced";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * Added to API.md's list: the assignment's unit changed in the unit registry (unit-service's
     * {@code duban.unit.changed}). Its status stays; the assignment's version grows like with any change.
     * {@code RENAMED}: {@code unitName} follows the new name. {@code DEACTIVATED}: the unit was abolished
     * while the work is not completed, so the assignment needs the office ({@code reviewNeeded}, with
     * {@code reviewReason}). {@code REACTIVATED}: that need is lifted again.
     *
     * @param assignment the assignment after the change
     * @param change     {@code RENAMED}, {@code DEACTIVATED} or {@code REACTIVATED}
     * @param from       the unit's name before a rename
     * @param to         its name after a rename
     * @param by         {@code unit-service}: the change came from the registry, not from a user of task-service
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitUpdated(@JsonUnwrapped AssignmentSnapshot assignment, String change, String from, String to, String by)
            implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.unit-updated";
        public static final String RENAMED = "RENAMED";
        public static final String DEACTIVATED = "DEACTIVATED";
        public static final String REACTIVATED = "REACTIVATED";

        @Override
        public String eventType() {
            return TYPE;
        }
    }

    /**
     * 催办: the office, one of the task's lead units or the unit that delegated the assignment nudged its unit about it.
     * The assignment does not change ({@code version} stays); reminder-service tells the unit at once on every channel
     * (notification kind {@code URGE}).
     *
     * @param assignment     the assignment urged
     * @param message        what the sender wrote
     * @param by             the sender's user name
     * @param senderUnitCode the sender's unit; absent for the office
     * @param senderRole     {@code OFFICE}, {@code LEAD} (a lead unit of the task) or {@code DELEGATOR} (the unit that
     *                       delegated it)
     * @param urgedAt        when
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Urged(@JsonUnwrapped AssignmentSnapshot assignment, String message, String by, String senderUnitCode,
                 String senderRole, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant urgedAt) implements AssignmentEvent {
        public static final String TYPE = "duban.assignment.urged";
        /** The values of {@code senderRole}. */
        public static final String OFFICE = "OFFICE";
        public static final String LEAD = "LEAD";
        public static final String DELEGATOR = "DELEGATOR";

        @Override
        public String eventType() {
            return TYPE;
        }
    }
}
