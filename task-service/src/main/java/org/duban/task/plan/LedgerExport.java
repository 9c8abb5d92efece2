package org.duban.task.plan;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.AssignmentHistory;
import org.duban.task.evidence.Evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ledger (台账) of a plan as the office keeps it in Excel: one row per assignment, with the
 * task, the unit, the deadline, the status, the latest progress report and the names of its evidence
 * files (佐证材料); delegated shares (层层分解) follow the issued ones with their level and the unit that delegated them. Streamed (SXSSF), so a
 * plan with many thousand rows stays small in memory.
 */
@ApplicationScoped
public class LedgerExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADER = List.of("序号", "工作任务", "具体要求", "责任单位", "角色", "说明",
            "时限要求", "截止日期", "状态", "是否逾期", "最新进展", "进度(%)", "进展时间", "佐证材料", "层级", "交办单位");
    private static final Map<String, String> STATUS = Map.of("NOT_STARTED", "未开始", "IN_PROGRESS", "推进中",
            "SUBMITTED", "已申请办结", "COMPLETED", "已办结");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PlanCalendar calendar;
    private final Evidence evidence;

    LedgerExport(PlanCalendar calendar, Evidence evidence) {
        this.calendar = calendar;
        this.evidence = evidence;
    }

    public byte[] write(Plan plan) {
        LocalDate today = calendar.today();
        ZoneId zone = ZoneId.of(plan.timeZone);
        Map<Long, Task> tasks = Task.<Task>list("planId", plan.id).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        List<Assignment> assignments = Assignment.list("planId = ?1 and superseded = false order by taskNumber, depth, role, unitCode", plan.id);
        Map<Long, String> names = assignments.stream().collect(Collectors.toMap(a -> a.id, a -> a.unitName));
        Map<Long, String> latestProgress = AssignmentHistory.<AssignmentHistory>find(
                        "assignmentId in (select a.id from Assignment a where a.planId = ?1) and kind = ?2 order by id",
                        plan.id, AssignmentHistory.Kind.PROGRESS_REPORTED).stream()
                .collect(Collectors.toMap(h -> h.assignmentId, h -> h.note, (older, newer) -> newer));
        Map<Long, List<String>> files = evidence.fileNames(plan.id);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(plan.title + "（" + plan.documentNumber + "）台账，截至 " + today);
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (Assignment a : assignments) {
                Task task = tasks.get(a.taskId);
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(a.taskNumber);
                row.createCell(c++).setCellValue(task.categoryTitle);
                row.createCell(c++).setCellValue(task.requirement);
                row.createCell(c++).setCellValue(a.unitName);
                row.createCell(c++).setCellValue(a.role == Assignment.Role.LEAD ? "牵头" : "负责落实");
                row.createCell(c++).setCellValue(a.qualifier == null ? "" : a.qualifier);
                row.createCell(c++).setCellValue(task.deadlineText);
                row.createCell(c++).setCellValue(a.dueDate == null ? "" : a.dueDate.toString());
                row.createCell(c++).setCellValue(STATUS.getOrDefault(a.status.name(), a.status.name()));
                row.createCell(c++).setCellValue(a.status.overdue(a.dueDate, today) ? "是" : "否");
                row.createCell(c++).setCellValue(latestProgress.getOrDefault(a.id, ""));
                if (a.progressPercent != null) {
                    row.createCell(c).setCellValue(a.progressPercent);
                }
                c++;
                row.createCell(c++).setCellValue(a.lastProgressAt == null ? "" : TIME.format(a.lastProgressAt.atZone(zone)));
                row.createCell(c++).setCellValue(String.join("；", files.getOrDefault(a.id, List.of())));
                // 层层分解: 0 the office's plan, 1 delegated once, …; who delegated it
                row.createCell(c++).setCellValue(a.depth);
                row.createCell(c).setCellValue(a.parentId == null ? "" : names.getOrDefault(a.parentId, a.delegatedBy));
            }
            sheet.createFreezePane(0, 2);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
