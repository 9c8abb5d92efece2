package org.duban.task.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.task.plan.Plan;
import org.duban.task.plan.Task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the key-task section of an annual report from the ledger: for one unit, each of its assignments with
 * the task, its role, deadline, status and completion date as they stood at the end of the year (or today, in
 * the year itself) and the progress it reported during the year; for the office, each task with how many
 * units carry it, have completed it and are overdue. The same year read later gives the same text as long
 * as nothing is back-dated (history is only ever appended).
 */
@ApplicationScoped
public class AnnualReportService {

    /** Progress reports quoted per task (the latest ones of the year). */
    static final int REPORTS_PER_TASK = 5;
    /** A requirement longer than this is cut with …… in the headings. */
    static final int REQUIREMENT_CHARS = 60;
    private static final Map<String, String> STATUS = Map.of("NOT_STARTED", "未开始", "IN_PROGRESS", "推进中",
            "SUBMITTED", "已申请办结", "COMPLETED", "已办结");
    private static final Map<String, String> ROLE = Map.of("LEAD", "牵头", "RESPONSIBLE", "负责落实");

    private final ScoreQueries queries;
    private final ScoringService scoring;
    private final EntityManager em;

    AnnualReportService(ScoreQueries queries, ScoringService scoring, EntityManager em) {
        this.queries = queries;
        this.scoring = scoring;
        this.em = em;
    }

    /** {@code unitCode} null: the office's report over every unit. */
    public AnnualReport report(Plan plan, int year, LocalDate today, String unitCode) {
        LocalDate asOf = LocalDate.of(year, 12, 31).isAfter(today) ? today : LocalDate.of(year, 12, 31);
        ScoringSettings settings = scoring.settings(plan);
        List<AssignmentTally> assignments = queries.assignments(plan, asOf, settings, 0, unitCode, false);
        Map<Long, Task> tasks = Task.<Task>list("planId", plan.id).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        Map<Integer, Task> byNumber = tasks.values().stream().collect(Collectors.toMap(t -> t.number, Function.identity()));
        String planName = "《" + plan.title + "》（" + plan.documentNumber + "）";
        String day = BulletinService.chineseDate(asOf);
        return unitCode == null
                ? office(plan, year, asOf, planName, day, assignments, byNumber)
                : unit(plan, year, asOf, unitCode, planName, day, assignments, byNumber);
    }

    private AnnualReport unit(Plan plan, int year, LocalDate asOf, String unitCode, String planName, String day,
                              List<AssignmentTally> assignments, Map<Integer, Task> tasks) {
        Map<Long, Ledger> ledgers = ledgers(plan, year, asOf, assignments.stream().map(AssignmentTally::assignmentId).toList());
        String unitName = assignments.isEmpty() ? unitCode : assignments.getFirst().unitName();
        long lead = assignments.stream().filter(a -> "LEAD".equals(a.role())).count();
        long completed = assignments.stream().filter(AssignmentTally::completed).count();
        long onTime = assignments.stream().filter(a -> a.completed() && a.overdueDays() == 0).count();
        long overdue = assignments.stream().filter(a -> a.overdueOn(asOf)).count();
        String summary = assignments.isEmpty()
                ? "根据" + planName + "，本单位未承担重点工作任务。"
                : "根据" + planName + "，本单位承担重点工作任务" + assignments.size() + "项" + (lead > 0 ? "（其中牵头" + lead + "项）" : "")
                + "。截至" + day + "，已办结" + completed + "项（按时办结" + onTime + "项），正在推进"
                + (assignments.size() - completed - overdue) + "项，逾期未办结" + overdue + "项。具体情况如下：";
        List<List<String>> table = new ArrayList<>();
        List<AnnualReport.TaskText> texts = new ArrayList<>();
        List<AssignmentTally> ordered = assignments.stream().sorted(Comparator.comparingInt(AssignmentTally::taskNumber)).toList();
        for (AssignmentTally a : ordered) {
            Task task = tasks.get(a.taskNumber());
            Ledger ledger = ledgers.getOrDefault(a.assignmentId(), Ledger.EMPTY);
            String status = status(a, ledger, asOf);
            table.add(List.of(Integer.toString(table.size() + 1), "任务" + a.taskNumber(), ROLE.getOrDefault(a.role(), a.role()),
                    deadline(task, a), status, a.completedOn() == null ? "—" : a.completedOn().toString()));
            String facts = "时限要求：" + deadline(task, a) + "；落实状态：" + status
                    + (a.completedOn() != null ? "；办结日期：" + BulletinService.chineseDate(a.completedOn()) : "") + "。";
            texts.add(new AnnualReport.TaskText("任务" + a.taskNumber() + "：" + shortened(task.requirement), facts,
                    ledger.progress().isEmpty() ? List.of(year + "年度未报送工作进展。") : ledger.progress()));
        }
        return new AnnualReport(year, asOf, unitCode, unitName, "政务公开重点工作任务落实情况", summary,
                List.of("序号", "任务", "角色", "时限要求", "落实状态", "办结日期"), table, texts);
    }

    private AnnualReport office(Plan plan, int year, LocalDate asOf, String planName, String day, List<AssignmentTally> assignments,
                                Map<Integer, Task> tasks) {
        Map<Integer, List<AssignmentTally>> byTask = new LinkedHashMap<>();
        tasks.keySet().stream().sorted().forEach(n -> byTask.put(n, new ArrayList<>()));
        assignments.forEach(a -> byTask.computeIfAbsent(a.taskNumber(), n -> new ArrayList<>()).add(a));
        long units = assignments.stream().map(AssignmentTally::unitCode).distinct().count();
        long completed = assignments.stream().filter(AssignmentTally::completed).count();
        long overdue = assignments.stream().filter(a -> a.overdueOn(asOf)).count();
        long tasksDone = byTask.values().stream().filter(l -> !l.isEmpty() && l.stream().allMatch(AssignmentTally::completed)).count();
        String summary = planName + "明确重点工作任务" + tasks.size() + "项，分解落实到" + units + "个责任单位共" + assignments.size()
                + "项。截至" + day + "，" + tasksDone + "项任务已全部办结；分解任务中已办结" + completed + "项，逾期未办结" + overdue
                + "项。各项任务落实情况如下：";
        List<List<String>> table = new ArrayList<>();
        List<AnnualReport.TaskText> texts = new ArrayList<>();
        byTask.forEach((number, list) -> {
            Task task = tasks.get(number);
            long done = list.stream().filter(AssignmentTally::completed).count();
            long late = list.stream().filter(a -> a.overdueOn(asOf)).count();
            String status = list.isEmpty() ? "待明确责任单位" : done == list.size() ? "已全部办结" : late > 0 ? "存在逾期" : "推进中";
            table.add(List.of(Integer.toString(table.size() + 1), "任务" + number, Integer.toString(list.size()), Long.toString(done),
                    Long.toString(late), status));
            String leads = list.stream().filter(a -> "LEAD".equals(a.role())).map(AssignmentTally::unitName).distinct()
                    .collect(Collectors.joining("、"));
            texts.add(new AnnualReport.TaskText("任务" + number + "：" + shortened(task.requirement),
                    "时限要求：" + task.deadlineText + "；" + (leads.isEmpty() ? "" : "牵头单位：" + leads + "；") + "责任单位" + list.size()
                            + "个，已办结" + done + "个，逾期未办结" + late + "个；落实状态：" + status + "。", List.of()));
        });
        return new AnnualReport(year, asOf, null, null, "政务公开重点工作任务落实情况", summary,
                List.of("序号", "任务", "责任单位数", "已办结", "逾期未办结", "落实状态"), table, texts);
    }

    /** An assignment's status at the end of asOf and its progress reports of the year, from the history. */
    private record Ledger(String status, List<String> progress) {
        static final Ledger EMPTY = new Ledger(null, List.of());
    }

    private Map<Long, Ledger> ledgers(Plan plan, int year, LocalDate asOf, List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        ZoneId zone = ZoneId.of(plan.timeZone);
        Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Instant yearStart = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT x.assignment_id, x.kind, x.to_status, x.note, x.at FROM assignment_history x
                         WHERE x.assignment_id = ANY(CAST(string_to_array(:ids, ',') AS bigint[])) AND x.at < :end
                           AND x.kind IN ('STATUS_CHANGED', 'PROGRESS_REPORTED')
                         ORDER BY x.assignment_id, x.at, x.id""")
                .setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .setParameter("end", end).getResultList();
        Map<Long, String> status = new HashMap<>();
        Map<Long, List<String>> progress = new HashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            Instant at = r[4] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[4]).toInstant();
            if ("STATUS_CHANGED".equals(r[1])) {
                status.put(id, (String) r[2]);
            } else if (!at.isBefore(yearStart) && r[3] != null && !((String) r[3]).isBlank()) {
                progress.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(BulletinService.chineseDate(at.atZone(zone).toLocalDate()) + "：" + ((String) r[3]).strip());
            }
        }
        Map<Long, Ledger> ledgers = new HashMap<>();
        for (Long id : ids) {
            List<String> reports = progress.getOrDefault(id, List.of());
            ledgers.put(id, new Ledger(status.get(id),
                    reports.size() > REPORTS_PER_TASK ? reports.subList(reports.size() - REPORTS_PER_TASK, reports.size()) : reports));
        }
        return ledgers;
    }

    private static String status(AssignmentTally a, Ledger ledger, LocalDate asOf) {
        String status = STATUS.getOrDefault(ledger.status() == null ? "NOT_STARTED" : ledger.status(), "未开始");
        if (a.overdueOn(asOf)) {
            return status + "（逾期" + a.overdueDays() + "天）";
        }
        if (a.completed() && a.overdueDays() > 0) {
            return status + "（逾期" + a.overdueDays() + "天办结）";
        }
        return status;
    }

    private static String deadline(Task task, AssignmentTally a) {
        return a.dueDate() == null ? task.deadlineText : task.deadlineText + "（" + a.dueDate() + "）";
    }

    static String shortened(String requirement) {
        String text = requirement.strip();
        return text.length() <= REQUIREMENT_CHARS ? text : text.substring(0, REQUIREMENT_CHARS) + "……";
    }
}
