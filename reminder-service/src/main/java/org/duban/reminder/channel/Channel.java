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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A unit's channel; see V8__channels.sql. Deleted for good on DELETE, with its deliveries. */
@Entity
@Table(name = "channel")
public class Channel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChannelType type;

    /** A robot's URL, sealed ({@link ChannelSecretsAtRest}); a phone number or e-mail addresses as given. */
    @Column(nullable = false)
    public String target;

    /** The robot's signing secret, sealed ({@link ChannelSecretsAtRest}); never shown. */
    public String secret;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> kinds = new ArrayList<>();

    @Column(name = "quiet_hours")
    public String quietHours;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
