package org.duban.reminder.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.duban.reminder.engine.ReminderKind;

import java.time.Instant;
import java.time.LocalDate;

/** An entry of a unit's inbox. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "assignment_id")
    public Long assignmentId;

    @Column(name = "plan_id")
    public Long planId;

    @Column(name = "task_number")
    public Integer taskNumber;

    /** The milestone (节点) it is about, for MILESTONE_DUE and MILESTONE_OVERDUE. */
    @Column(name = "milestone_id")
    public Long milestoneId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderKind kind;

    @Column(nullable = false)
    public LocalDate occasion;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "run_id")
    public Long runId;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
}
