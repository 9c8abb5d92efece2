package org.duban.task.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.duban.task.plan.Plan;
import org.duban.task.plan.PlanCalendar;

import java.util.List;

/** Reads and sets a plan's scoring settings (考核设置); version 0 are the defaults. */
@ApplicationScoped
public class ScoringService {

    private final EntityManager em;
    private final ScoringConfig config;
    private final PlanCalendar calendar;

    ScoringService(EntityManager em, ScoringConfig config, PlanCalendar calendar) {
        this.em = em;
        this.config = config;
        this.calendar = calendar;
    }

    public ScoringSettings settings(Plan plan) {
        PlanScoring row = em.find(PlanScoring.class, plan.id);
        return row == null ? ScoringSettings.defaults(plan.id, config) : ScoringSettings.of(row);
    }

    /**
     * Replaces the plan's settings if {@code expectedVersion} is the one in force (412 otherwise); the same
     * values again change nothing. Two writers at once queue on the row (the defaults are written as
     * version 0 first, so that there is a row to lock).
     */
    @Transactional
    public ScoringSettings update(Plan plan, long expectedVersion, ScoringRequest request, String by) {
        List<Problem.FieldError> errors = request.problems();
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        ScoringSettings defaults = ScoringSettings.defaults(plan.id, config);
        em.createNativeQuery("""
                        INSERT INTO plan_scoring (plan_id, completion_weight, overdue_weight, acknowledge_weight, reports_weight,
                            acknowledge_within_days, overdue_days_cap, report_every_months, report_scope, bulletin_issuer,
                            bulletin_number_prefix, bulletin_addressee, version, updated_at, updated_by)
                        VALUES (:plan, :cw, :ow, :aw, :rw, :ack, :cap, :months, :scope, NULL, :prefix, :addressee, 0, :at, :by)
                        ON CONFLICT (plan_id) DO NOTHING""")
                .setParameter("plan", plan.id)
                .setParameter("cw", defaults.weights().completion()).setParameter("ow", defaults.weights().overdue())
                .setParameter("aw", defaults.weights().acknowledge()).setParameter("rw", defaults.weights().reports())
                .setParameter("ack", defaults.acknowledgeWithinDays()).setParameter("cap", defaults.overdueDaysCap())
                .setParameter("months", defaults.reportEveryMonths()).setParameter("scope", defaults.reportScope())
                .setParameter("prefix", defaults.bulletinNumberPrefix()).setParameter("addressee", defaults.bulletinAddressee())
                .setParameter("at", calendar.now()).setParameter("by", by)
                .executeUpdate();
        PlanScoring row = em.find(PlanScoring.class, plan.id, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(row);
        Versions.check(expectedVersion, row.version, "The plan's scoring settings");

        Weights w = request.weights();
        int ack = or(request.acknowledgeWithinDays(), defaults.acknowledgeWithinDays());
        int cap = or(request.overdueDaysCap(), defaults.overdueDaysCap());
        int months = or(request.reportEveryMonths(), defaults.reportEveryMonths());
        String scope = request.reportScope() != null ? request.reportScope() : defaults.reportScope();
        String issuer = request.bulletinIssuer() == null ? null : request.bulletinIssuer().strip();
        String prefix = request.bulletinNumberPrefix() != null ? request.bulletinNumberPrefix().strip() : defaults.bulletinNumberPrefix();
        String addressee = request.bulletinAddressee() != null ? request.bulletinAddressee().strip() : defaults.bulletinAddressee();
        boolean same = row.version > 0 && row.completionWeight == w.completion() && row.overdueWeight == w.overdue()
                && row.acknowledgeWeight == w.acknowledge() && row.reportsWeight == w.reports()
                && row.acknowledgeWithinDays == ack && row.overdueDaysCap == cap && row.reportEveryMonths == months
                && row.reportScope.equals(scope) && java.util.Objects.equals(row.bulletinIssuer, issuer)
                && row.bulletinNumberPrefix.equals(prefix) && row.bulletinAddressee.equals(addressee);
        if (!same) {
            row.completionWeight = w.completion();
            row.overdueWeight = w.overdue();
            row.acknowledgeWeight = w.acknowledge();
            row.reportsWeight = w.reports();
            row.acknowledgeWithinDays = ack;
            row.overdueDaysCap = cap;
            row.reportEveryMonths = months;
            row.reportScope = scope;
            row.bulletinIssuer = issuer;
            row.bulletinNumberPrefix = prefix;
            row.bulletinAddressee = addressee;
            row.version = row.version + 1;
            row.updatedAt = calendar.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored
            row.updatedBy = by;
        }
        return ScoringSettings.of(row);
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }
}
