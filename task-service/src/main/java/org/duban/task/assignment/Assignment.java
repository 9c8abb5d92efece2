package org.duban.task.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/** One unit's share of one task (责任单位), or a vague group's while the office has not named units. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    public enum Role { LEAD, RESPONSIBLE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_ids")
    @SequenceGenerator(name = "assignment_ids", sequenceName = "assignment_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "task_id", nullable = false)
    public Long taskId;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "task_number", nullable = false)
    public int taskNumber;

    @Column(name = "unit_code")
    public String unitCode;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Column(name = "group_code")
    public String groupCode;

    public String qualifier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status = AssignmentStatus.NOT_STARTED;

    @Column(name = "review_needed", nullable = false)
    public boolean reviewNeeded;

    /** Why the office has to look at it ({@link ReviewReasons}); null when it need not. */
    @Column(name = "review_reason")
    public String reviewReason;

    @Column(nullable = false)
    public boolean superseded;

    @Column(name = "progress_percent")
    public Integer progressPercent;

    @Column(name = "last_progress_at")
    public Instant lastProgressAt;

    /** When the unit signed for it (签收); null until then. */
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** The share this one was delegated from (层层分解); null for a share the office's plan issued. */
    @Column(name = "parent_id")
    public Long parentId;

    /** The unit that delegated it and supervises it; null for the office's own. */
    @Column(name = "delegated_by")
    public String delegatedBy;

    /** 0: issued by the office's plan; 1: delegated once; … */
    @Column(nullable = false)
    public int depth;

    /** The units of every share above this one, {@code |gov-340100|gov-340123|}; null at depth 0. */
    public String supervisors;

    @Column(name = "child_count", nullable = false)
    public int childCount;

    @Column(name = "children_completed", nullable = false)
    public int childrenCompleted;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether {@code unitCode} supervises this share, directly or further up the chain of delegation. */
    public boolean supervisedBy(String unitCode) {
        return unitCode != null && supervisors != null && supervisors.contains("|" + unitCode + "|");
    }

    /** The supervisors of a child of this share. */
    public String supervisorsOfChildren() {
        return (supervisors == null ? "|" : supervisors) + unitCode + "|";
    }

    @Version
    @Column(nullable = false)
    public long version;
}
