package org.duban.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change in the OA sync feed (written by AssignmentJournal, numbered by SyncSequencer). */
@Entity
@Table(name = "sync_change")
public class SyncChange extends PanacheEntityBase {

    /** In the order the change was written (the database's sequence, taken at insert). */
    @Id
    public Long id;

    /** Its place in the feed; given after commit by SyncSequencer, null until then. */
    public Long position;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(name = "change_type", nullable = false)
    public String changeType;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(nullable = false)
    public String payload;
}
