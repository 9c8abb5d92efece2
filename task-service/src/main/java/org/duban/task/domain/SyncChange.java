package org.duban.task.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change in the OA sync feed, at its commit-ordered position. */
@Entity
@Table(name = "sync_change")
public class SyncChange extends PanacheEntityBase {

    @Id
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
