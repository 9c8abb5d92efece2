package org.duban.task.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.task.plan.Plan;
import org.duban.task.plan.UnitPlace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Writes the text of a 督查通报 from the scorecard as of a day (see the README, "Bulletin"): the figures, the units
 * commended and named per level, the overdue list, the chart's bars and the requirements. Nothing in it depends on
 * when it is written, so the same day and settings give the same bulletin.
 */
@ApplicationScoped
public class BulletinService {

    /** Commended per level, at most: the best units without overdue work and with at least {@link #COMMEND_FROM} points. */
    static final int COMMENDED = 3;
    static final BigDecimal COMMEND_FROM = new BigDecimal("90");
    /** Named per level, at most: the worst units with overdue work or below {@link #LAGGING_BELOW} points. */
    static final int NAMED = 3;
    static final BigDecimal LAGGING_BELOW = new BigDecimal("60");
    /** Rows of the overdue list a Word bulletin shows; the workbook has all. */
    static final int OVERDUE_ROWS_IN_DOCX = 300;
    /** Bars of the chart when the plan has no cities to show. */
    static final int CHART_BARS = 20;

    private static final Map<UnitPlace.Level, String> LEVELS = new LinkedHashMap<>();

    static {
        LEVELS.put(UnitPlace.Level.PROVINCE, "省直单位");
        LEVELS.put(UnitPlace.Level.CITY, "市级");
        LEVELS.put(UnitPlace.Level.COUNTY, "县级");
    }

    private final ScorecardService scorecards;
    private final ScoringService scoring;
    private final ScoreQueries queries;
    private final EntityManager em;

    BulletinService(ScorecardService scorecards, ScoringService scoring, ScoreQueries queries, EntityManager em) {
        this.scorecards = scorecards;
        this.scoring = scoring;
        this.queries = queries;
        this.em = em;
    }

    public Bulletin bulletin(Plan plan, LocalDate asOf, Integer number) {
        ScoringSettings settings = scoring.settings(plan);
        Scorecard card = scorecards.scorecard(plan, new ScorecardService.Request(asOf, null, null, null), settings);
        List<AssignmentTally> overdue = new ArrayList<>(queries.assignments(plan, asOf, settings, 0, null, true));
        overdue.sort(Comparator.comparingLong(AssignmentTally::overdueDays).reversed()
                .thenComparingInt(AssignmentTally::taskNumber).thenComparing(AssignmentTally::unitCode));
        long tasks = ((Number) em.createNativeQuery("SELECT count(*) FROM task WHERE plan_id = :plan")
                .setParameter("plan", plan.id).getSingleResult()).longValue();

        String issuer = settings.bulletinIssuer() != null ? settings.bulletinIssuer()
                : plan.issuer != null ? plan.issuer : "政务公开办公室";
        String numberLine = settings.bulletinNumberPrefix() + "〔" + asOf.getYear() + "〕" + (number == null ? "\u3000" : number) + "号";
        String day = chineseDate(asOf);
        String planName = "《" + plan.title + "》（" + plan.documentNumber + "）";

        List<Bulletin.Section> sections = new ArrayList<>();
        sections.add(new Bulletin.Section("一、总体情况", overall(card, tasks, day)));
        sections.add(new Bulletin.Section("二、工作成效突出的单位", commended(card)));
        sections.add(new Bulletin.Section("三、工作进展滞后的单位", named(card)));
        List<Bulletin.OverdueRow> rows = new ArrayList<>();
        for (AssignmentTally a : overdue) {
            rows.add(new Bulletin.OverdueRow(rows.size() + 1, a.taskNumber(), a.unitName(), a.dueDate(), a.overdueDays()));
        }
        int shown = Math.min(rows.size(), OVERDUE_ROWS_IN_DOCX);
        sections.add(new Bulletin.Section(Bulletin.OVERDUE_HEADING, List.of(rows.isEmpty()
                ? "截至" + day + "，无逾期未办结任务。"
                : "截至" + day + "，共有逾期未办结任务" + rows.size() + "项，按逾期天数排列如下"
                + (shown < rows.size() ? "（本通报列出逾期天数最多的" + shown + "项，完整清单见同期Excel版通报）" : "") + "：")));
        Bulletin.Chart chart = chart(card);
        sections.add(new Bulletin.Section(Bulletin.CHART_HEADING, List.of(chart.bars().isEmpty() ? "本期无可排名的单位。"
                : chart.title() + "见下图（满分100分）。")));
        sections.add(new Bulletin.Section("六、下一步工作要求", List.of(
                "（一）存在逾期未办结任务的单位要逐项分析原因，明确整改措施和完成时限，于本通报印发后10个工作日内向" + issuer
                        + "报送整改情况。",
                "（二）各单位要对照任务分工，及时签收新交办的任务，按期报送工作进展和佐证材料，确保工作台账真实、完整。",
                "（三）" + issuer + "将持续跟踪督办，对工作推诿、落实不力的单位按规定取消年度评优资格，督查结果纳入政府目标管理考核。")));

        String opening = "为推动" + planName + "各项任务落实落细，现将截至" + day + "的落实情况通报如下。";
        return new Bulletin(asOf, issuer, numberLine, title(plan), settings.bulletinAddressee(), opening, sections, rows, shown,
                chart, day, card);
    }

    /** 关于…重点工作任务落实情况的通报: a plan titled …重点工作任务分工 drops 分工; any other is quoted. */
    static String title(Plan plan) {
        String t = plan.title.strip();
        if (t.contains("重点工作任务")) {
            return "关于" + (t.endsWith("分工") ? t.substring(0, t.length() - 2) : t) + "落实情况的通报";
        }
        return "关于《" + t + "》落实情况的通报";
    }

    private static List<String> overall(Scorecard card, long tasks, String day) {
        List<Scorecard.UnitScore> u = card.units();
        long assignments = sum(u, Scorecard.UnitScore::assignments);
        long completed = sum(u, Scorecard.UnitScore::completed);
        long onTime = sum(u, Scorecard.UnitScore::completedOnTime);
        long fellDue = sum(u, Scorecard.UnitScore::fellDue);
        long overdue = sum(u, Scorecard.UnitScore::overdue);
        long overdueDays = sum(u, Scorecard.UnitScore::overdueDays);
        long ackDue = sum(u, Scorecard.UnitScore::acknowledgeDue);
        long ackOnTime = sum(u, Scorecard.UnitScore::acknowledgedOnTime);
        long reportsDue = sum(u, Scorecard.UnitScore::reportsDue);
        long reportsOnTime = sum(u, Scorecard.UnitScore::reportsOnTime);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("截至" + day + "，任务分工明确的" + tasks + "项重点工作任务，分解落实到" + u.size() + "个责任单位共"
                + assignments + "项。其中，已办结" + completed + "项（按时办结" + onTime + "项）；应办结" + fellDue + "项，按时办结率"
                + percent(onTime, fellDue) + "；逾期未办结" + overdue + "项，累计逾期" + overdueDays + "天。");
        paragraphs.add("签收方面，应签收" + ackDue + "项，按时签收" + ackOnTime + "项，按时签收率" + percent(ackOnTime, ackDue)
                + "。进展报送方面，应报送" + reportsDue + "期，按期报送" + reportsOnTime + "期，按期报送率"
                + percent(reportsOnTime, reportsDue) + "。");
        List<String> averages = new ArrayList<>();
        LEVELS.forEach((level, name) -> {
            List<Scorecard.UnitScore> of = of(u, level);
            if (!of.isEmpty()) {
                BigDecimal total = of.stream().map(Scorecard.UnitScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
                averages.add(name + of.size() + "个，平均得分" + total.divide(BigDecimal.valueOf(of.size()), 1, RoundingMode.HALF_UP) + "分");
            }
        });
        Weights w = card.weights();
        paragraphs.add("按照按时办结" + w.completion() + "分、逾期情况" + w.overdue() + "分、按时签收" + w.acknowledge()
                + "分、按期报送" + w.reports() + "分的权重综合评分，" + (averages.isEmpty() ? "本期暂无参评单位。" : String.join("；", averages) + "。"));
        return paragraphs;
    }

    private static List<String> commended(Scorecard card) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("以下单位任务推进有力，签收、报送及时，无逾期未办结任务，综合得分" + COMMEND_FROM.toPlainString()
                + "分以上，予以表扬：");
        int ordinal = 0;
        for (Map.Entry<UnitPlace.Level, String> level : LEVELS.entrySet()) {
            List<String> names = of(card.units(), level.getKey()).stream()
                    .filter(s -> s.overdue() == 0 && s.score().compareTo(COMMEND_FROM) >= 0)
                    .limit(COMMENDED).map(s -> s.unitName() + "（" + s.score() + "分）").toList();
            if (!names.isEmpty()) {
                paragraphs.add(ORDINALS[ordinal++] + level.getValue() + "：" + String.join("、", names) + "。");
            }
        }
        if (ordinal == 0) {
            paragraphs.set(0, "本期暂无符合表扬条件（无逾期未办结任务且综合得分" + COMMEND_FROM.toPlainString() + "分以上）的单位。");
        }
        return paragraphs;
    }

    private static List<String> named(Scorecard card) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("以下单位存在逾期未办结任务或综合得分低于" + LAGGING_BELOW.toPlainString() + "分，工作进展滞后，予以通报：");
        int ordinal = 0;
        for (Map.Entry<UnitPlace.Level, String> level : LEVELS.entrySet()) {
            List<Scorecard.UnitScore> worstFirst = new ArrayList<>(of(card.units(), level.getKey()));
            java.util.Collections.reverse(worstFirst);
            List<String> names = worstFirst.stream()
                    .filter(s -> s.overdue() > 0 || s.score().compareTo(LAGGING_BELOW) < 0)
                    .limit(NAMED).map(s -> s.unitName() + "（" + s.score() + "分"
                            + (s.overdue() > 0 ? "，逾期未办结" + s.overdue() + "项" : "")
                            + (s.overdueDays() > 0 ? "，累计逾期" + s.overdueDays() + "天" : "") + "）").toList();
            if (!names.isEmpty()) {
                paragraphs.add(ORDINALS[ordinal++] + level.getValue() + "：" + String.join("、", names) + "。");
            }
        }
        if (ordinal == 0) {
            paragraphs.set(0, "本期无工作进展滞后的单位。");
        }
        return paragraphs;
    }

    /** The cities' scores in rank order; with no city ranked, the best units of any level. */
    private static Bulletin.Chart chart(Scorecard card) {
        List<Scorecard.UnitScore> cities = of(card.units(), UnitPlace.Level.CITY);
        List<Scorecard.UnitScore> shown = !cities.isEmpty() ? cities : card.units().stream().limit(CHART_BARS).toList();
        String title = !cities.isEmpty() ? "各市综合得分情况" : "综合得分前" + shown.size() + "位单位";
        return new Bulletin.Chart(title, "综合得分", shown.stream().map(s -> new Bulletin.Bar(shortName(s.unitName()), s.score())).toList());
    }

    /** 合肥市人民政府 → 合肥市: the name a chart has room for. */
    static String shortName(String unitName) {
        return unitName.endsWith("人民政府") && unitName.length() > 4 ? unitName.substring(0, unitName.length() - 4) : unitName;
    }

    private static final String[] ORDINALS = {"（一）", "（二）", "（三）", "（四）"};

    private static List<Scorecard.UnitScore> of(List<Scorecard.UnitScore> units, UnitPlace.Level level) {
        return units.stream().filter(s -> s.level().equals(level.name())).toList();
    }

    private static long sum(List<Scorecard.UnitScore> units, ToLongFunction<Scorecard.UnitScore> figure) {
        return units.stream().mapToLong(figure).sum();
    }

    static String percent(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + "%";
    }

    /** 2022年9月30日, the way a document's date line is written. */
    static String chineseDate(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }
}
