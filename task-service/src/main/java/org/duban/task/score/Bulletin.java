package org.duban.task.score;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 督查通报 as text, before it is laid out as .docx or .xlsx: everything in it comes from the scorecard as of
 * {@code asOf} and the plan, so the same day gives the same bulletin.
 */
public record Bulletin(
        LocalDate asOf,
        String issuer,
        String numberLine,
        String title,
        String addressee,
        String opening,
        List<Section> sections,
        List<OverdueRow> overdue,
        int overdueShown,
        Chart chart,
        String dateLine,
        Scorecard scorecard) {

    /** A numbered part of the body (一、总体情况 …): its heading and paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
    }

    /** One line of the overdue list. */
    public record OverdueRow(int number, int taskNumber, String unitName, LocalDate dueDate, long overdueDays) {
    }

    /** The bar chart: one bar per unit. */
    public record Chart(String title, String seriesTitle, List<Bar> bars) {
    }

    public record Bar(String label, BigDecimal value) {
    }

    /** The sections whose table or chart follows them, by heading. */
    public static final String OVERDUE_HEADING = "四、逾期未办结任务清单";
    public static final String CHART_HEADING = "五、得分情况";
}
