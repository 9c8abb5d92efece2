package org.duban.task.score;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The scoring settings the office set for one plan (table plan_scoring); a plan without a row uses the defaults. */
@Entity
@Table(name = "plan_scoring")
public class PlanScoring extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public Long planId;

    @Column(name = "completion_weight", nullable = false)
    public int completionWeight;

    @Column(name = "overdue_weight", nullable = false)
    public int overdueWeight;

    @Column(name = "acknowledge_weight", nullable = false)
    public int acknowledgeWeight;

    @Column(name = "reports_weight", nullable = false)
    public int reportsWeight;

    @Column(name = "acknowledge_within_days", nullable = false)
    public int acknowledgeWithinDays;

    @Column(name = "overdue_days_cap", nullable = false)
    public int overdueDaysCap;

    @Column(name = "report_every_months", nullable = false)
    public int reportEveryMonths;

    @Column(name = "report_scope", nullable = false)
    public String reportScope;

    @Column(name = "bulletin_issuer")
    public String bulletinIssuer;

    @Column(name = "bulletin_number_prefix", nullable = false)
    public String bulletinNumberPrefix;

    @Column(name = "bulletin_addressee", nullable = false)
    public String bulletinAddressee;

    /** Counted by the service (0 = the defaults, no row), not by Hibernate: the first PUT makes it 1. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
