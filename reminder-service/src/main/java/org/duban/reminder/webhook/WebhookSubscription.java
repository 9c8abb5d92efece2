package org.duban.reminder.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A receiver that asked for signed deliveries; see V3__webhooks.sql. Deleted for good on DELETE, with its deliveries. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String url;

    /**
     * The signing secret {@code whsec_<base64>}, encrypted ({@code v1:<kid>:…}, see
     * {@link WebhookSecretsAtRest}); never shown again after creation.
     */
    @Column(nullable = false)
    public String secret;

    /** Notification kinds, event types or {@code *}; empty = everything. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> events = new ArrayList<>();

    /** Only this unit's messages; null = every unit's. */
    @Column(name = "unit_code")
    public String unitCode;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
