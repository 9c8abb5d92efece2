package org.duban.platform.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event waiting for (or past) publication; see V0.1__outbox.sql. Only {@code published_at} ever changes: the
 * other columns are not updatable, so marking a row published writes that one column, not the payload again.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The CloudEvents id; assigned here, so that inserts can be batched. */
    @Id
    public UUID id;

    /** Numbered by the database in insert order (bigserial): the order of publication. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "message_key", nullable = false, updatable = false)
    public String key;

    @Column(nullable = false, updatable = false)
    public String type;

    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** When the broker acknowledged it; {@code null} while it waits. */
    public Instant publishedAt() {
        return publishedAt;
    }

    static List<OutboxEvent> pending(int limit) {
        return find("publishedAt is null order by seq").page(0, limit).list();
    }

    public static long countPending() {
        return count("publishedAt is null");
    }
}
