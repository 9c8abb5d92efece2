package org.duban.task.milestone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A milestone (节点) inside one assignment: something to be done by a date no later than the assignment's. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    public enum Status { OPEN, DONE }

    /** Who planned it: the supervising office, or the unit itself for its own work. A unit edits only its own. */
    public enum SetBy { OFFICE, UNIT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(nullable = false)
    public String title;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Enumerated(EnumType.STRING)
    @Column(name = "set_by", nullable = false)
    public SetBy setBy;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "done_by")
    public String doneBy;

    public String note;

    /** The evidence named when it was reported done, in the order given; kept as ids only. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "milestone_attachment", joinColumns = @JoinColumn(name = "milestone_id"))
    @OrderColumn(name = "position")
    @Column(name = "attachment_id", nullable = false)
    public List<Long> attachmentIds = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Overdue: due before {@code today} (plan time zone) and still open. */
    public boolean overdue(LocalDate today) {
        return status == Status.OPEN && dueDate.isBefore(today);
    }
}
