package org.duban.reminder.channel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.duban.reminder.webhook.DeliveryStatus;

import java.time.Instant;

/** One message (one part of a digest) for one channel; see V8__channels.sql. */
@Entity
@Table(name = "channel_delivery")
public class ChannelDelivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "channel_id", nullable = false)
    public long channelId;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(nullable = false)
    public int part;

    @Column(nullable = false)
    public int parts;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** Sent by {@code POST /api/channels/{id}/test}: not retried, counts for nothing. */
    @Column(nullable = false)
    public boolean test;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Changes with every claim, so a worker that outlived its lease cannot overwrite the new owner's result. */
    @Version
    @Column(nullable = false)
    public long version;
}
