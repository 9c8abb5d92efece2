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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
