package org.duban.task.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of an assignment's history (its 台账): who did what, when. */
@Entity
@Table(name = "assignment_history")
public class AssignmentHistory extends PanacheEntityBase {

    public enum Kind { CREATED, ACKNOWLEDGED, STATUS_CHANGED, PROGRESS_REPORTED, DUE_DATE_CHANGED, REPLACED, MILESTONE_CHANGED,
        UNIT_UPDATED, DELEGATED, CHILDREN_CHANGED, URGED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "by_user", nullable = false)
    public String by;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AssignmentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public AssignmentStatus toStatus;

    @Column(name = "from_date")
    public LocalDate fromDate;

    @Column(name = "to_date")
    public LocalDate toDate;

    public Integer percent;

    public String note;
}
