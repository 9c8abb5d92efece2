package org.duban.task.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.task.plan.Plan;
import org.duban.task.plan.PlanView;
import org.duban.task.plan.TaskView;
import org.duban.task.plan.UnitPlace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds scorecards: the counts from {@link ScoreQueries}, the scores and ranks from {@link ScoreRules}. */
@ApplicationScoped
public class ScorecardService {

    private final ScoreQueries queries;
    private final ScoringService scoring;
    private final EntityManager em;

    ScorecardService(ScoreQueries queries, ScoringService scoring, EntityManager em) {
        this.queries = queries;
        this.scoring = scoring;
        this.em = em;
    }

    /** What a scorecard is asked for: level and category may be null; {@code unitCode} narrows it to one unit's line. */
    public record Request(LocalDate asOf, UnitPlace.Level level, Integer category, String unitCode) {
    }

    public Scorecard scorecard(Plan plan, Request request) {
        ScoringSettings settings = scoring.settings(plan);
        return scorecard(plan, request, settings);
    }

    public Scorecard scorecard(Plan plan, Request request, ScoringSettings settings) {
        int category = request.category() == null ? 0 : request.category();
        List<UnitTally> tallies = queries.units(plan, request.asOf(), settings, category);
        List<ScoreRules.Scored<Scorecard.UnitScore>> scored = new ArrayList<>();
        for (UnitTally t : tallies) {
            UnitPlace place = UnitPlace.of(t.unitCode());
            if (request.level() != null && place.level() != request.level()) {
                continue;
            }
            ScoreRules.Score score = ScoreRules.score(t, settings.weights(), settings.overdueDaysCap());
            Scorecard.UnitScore line = new Scorecard.UnitScore(t.unitCode(), t.unitName(), place.level().name(), place.cityCode(),
                    t.assignments(), t.completed(), t.completedOnTime(), t.overdue(), t.overdueDays(), t.fellDue(), t.acknowledged(),
                    t.acknowledgeDue(), t.acknowledgedOnTime(), t.reportsDue(), t.reportsOnTime(), score.score(), 0, score.parts(), null);
            scored.add(new ScoreRules.Scored<>(line, score.score(), t.overdueDays(), t.unitCode()));
        }
        List<Scorecard.UnitScore> units = new ArrayList<>();
        for (ScoreRules.Ranked<Scorecard.UnitScore> r : ScoreRules.rank(scored)) {
            Scorecard.UnitScore u = r.unit();
            if (request.unitCode() != null && !request.unitCode().equals(u.unitCode())) {
                continue;
            }
            List<Scorecard.Finding> findings = request.unitCode() == null ? null
                    : findings(queries.assignments(plan, request.asOf(), settings, category, u.unitCode(), false), request.asOf());
            units.add(new Scorecard.UnitScore(u.unitCode(), u.unitName(), u.level(), u.cityCode(), u.assignments(), u.completed(),
                    u.completedOnTime(), u.overdue(), u.overdueDays(), u.fellDue(), u.acknowledged(), u.acknowledgeDue(),
                    u.acknowledgedOnTime(), u.reportsDue(), u.reportsOnTime(), u.score(), r.rank(), u.parts(), findings));
        }
        return new Scorecard(PlanView.of(plan), request.asOf(), request.level() == null ? null : request.level().name(),
                category == 0 ? null : category(plan, category), settings.weights(),
                new Scorecard.Rules(settings.acknowledgeWithinDays(), settings.overdueDaysCap(), settings.reportEveryMonths(),
                        settings.reportScope()),
                settings.version(), scored.size(), units);
    }

    /** The plan's categories (一、二、…), in order. */
    public List<TaskView.HeadingView> categories(Plan plan) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT category_ordinal, min(category_title) FROM task WHERE plan_id = :plan"
                + " GROUP BY category_ordinal ORDER BY category_ordinal").setParameter("plan", plan.id).getResultList();
        return rows.stream().map(r -> new TaskView.HeadingView(((Number) r[0]).intValue(), (String) r[1])).toList();
    }

    private TaskView.HeadingView category(Plan plan, int ordinal) {
        return categories(plan).stream().filter(c -> c.ordinal() == ordinal).findFirst().orElse(null);
    }

    /** The assignments that cost points, with the reasons in the words of a bulletin. */
    static List<Scorecard.Finding> findings(List<AssignmentTally> assignments, LocalDate asOf) {
        List<Scorecard.Finding> findings = new ArrayList<>();
        for (AssignmentTally a : assignments) {
            List<String> issues = new ArrayList<>();
            List<String> words = new ArrayList<>();
            if (a.overdueOn(asOf)) {
                issues.add("OVERDUE");
                words.add("截止日期" + a.dueDate() + "，逾期未办结" + a.overdueDays() + "天");
            } else if (a.completed() && a.overdueDays() > 0) {
                issues.add("COMPLETED_LATE");
                words.add("截止日期" + a.dueDate() + "，" + a.completedOn() + "办结，逾期" + a.overdueDays() + "天");
            }
            if (a.acknowledgedOn() == null && a.acknowledgeBy().isBefore(asOf)) {
                issues.add("NOT_ACKNOWLEDGED");
                words.add("应于" + a.acknowledgeBy() + "前签收，至今未签收");
            } else if (a.acknowledgedOn() != null && a.acknowledgedOn().isAfter(a.acknowledgeBy())) {
                issues.add("ACKNOWLEDGED_LATE");
                words.add("签收超期（应于" + a.acknowledgeBy() + "前签收，" + a.acknowledgedOn() + "签收）");
            }
            if (a.reportsOnTime() < a.reportsDue()) {
                issues.add("REPORTS_MISSED");
                words.add("应报送进展" + a.reportsDue() + "期，按期报送" + a.reportsOnTime() + "期");
            }
            if (!issues.isEmpty()) {
                findings.add(new Scorecard.Finding(a.assignmentId(), a.taskNumber(), a.categoryOrdinal(), a.role(), a.dueDate(),
                        a.completedOn(), a.overdueDays(), a.acknowledgeBy(), a.acknowledgedOn(), a.reportsDue(), a.reportsOnTime(),
                        List.copyOf(issues), "任务" + a.taskNumber() + "：" + String.join("；", words)));
            }
        }
        return findings;
    }
}
