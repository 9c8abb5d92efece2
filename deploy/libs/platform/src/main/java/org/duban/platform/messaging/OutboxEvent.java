package org.duban.platform.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One event waiting for (or past) publication; see V0.1__outbox.sql. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The CloudEvents id; assigned here, so that inserts can be batched. */
    @Id
    public UUID id;

    /** Numbered by the database in insert order (bigserial): the order of publication. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
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
