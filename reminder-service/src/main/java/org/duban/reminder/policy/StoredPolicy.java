package org.duban.reminder.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A plan's reminder policy (or the fallback, key {@code default}), as the API's JSON. */
@Entity
@Table(name = "reminder_policy")
public class StoredPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "plan_key")
    public String planKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
