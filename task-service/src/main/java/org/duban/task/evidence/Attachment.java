package org.duban.task.evidence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One evidence file (佐证材料) of an assignment: what it is and where its content is stored. */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    /** As the uploader named it (no folders, no control characters). */
    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** What the content is (never what the client claimed). */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    /** SHA-256 of the content, lower-case hex. */
    @Column(nullable = false)
    public String sha256;

    /** The store that holds the content: {@code postgres} or {@code s3}. */
    @Column(nullable = false)
    public String storage;

    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    /** The uploader's unit; null when the office uploaded it. */
    @Column(name = "uploaded_by_unit")
    public String uploadedByUnit;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    /** When a progress report, a status change or a milestone first cited it; from then on it is part of the record. */
    @Column(name = "cited_at")
    public Instant citedAt;
}
