package org.duban.task.score;

import java.time.LocalDate;
import java.util.List;

/**
 * The key-task section of a 政府信息公开工作年度报告 (task 41 of the sample): what a unit (or, for the office, every
 * unit) did on the plan's tasks in one year, as the ledger stood at the end of {@code asOf}.
 *
 * @param unitName null for the office's report over all units
 */
public record AnnualReport(int year, LocalDate asOf, String unitCode, String unitName, String heading, String summary,
                           List<String> tableHeader, List<List<String>> table, List<TaskText> tasks) {

    /** One task: a heading line, the facts, and the progress reported in the year, oldest first. */
    public record TaskText(String heading, String facts, List<String> progress) {
    }
}
