package org.duban.task.score;

import java.util.ArrayList;
import java.util.List;

/** The bulletin as a Word document in official layout ({@link OfficialDocx}): the overdue table and the chart in place. */
final class BulletinDocx {

    static final List<String> OVERDUE_HEADER = List.of("序号", "任务编号", "责任单位", "截止日期", "逾期天数");

    private BulletinDocx() {
    }

    static byte[] write(Bulletin b) {
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.redHeader(b.issuer());
            doc.numberLine(b.numberLine());
            doc.title(b.title());
            doc.line(b.addressee());
            doc.paragraph(b.opening());
            for (Bulletin.Section section : b.sections()) {
                doc.heading(section.heading());
                section.paragraphs().forEach(doc::paragraph);
                if (section.heading().equals(Bulletin.OVERDUE_HEADING) && !b.overdue().isEmpty()) {
                    doc.table(OVERDUE_HEADER, rows(b.overdue().subList(0, b.overdueShown())));
                }
                if (section.heading().equals(Bulletin.CHART_HEADING) && !b.chart().bars().isEmpty()) {
                    doc.barChart(b.chart().title(), b.chart().seriesTitle(),
                            b.chart().bars().stream().map(Bulletin.Bar::label).toList(),
                            b.chart().bars().stream().map(bar -> bar.value().doubleValue()).toList());
                }
            }
            doc.signature(b.issuer(), b.dateLine());
            return doc.bytes(b.title(), b.issuer(), b.asOf());
        }
    }

    static List<List<String>> rows(List<Bulletin.OverdueRow> overdue) {
        List<List<String>> rows = new ArrayList<>(overdue.size());
        for (Bulletin.OverdueRow r : overdue) {
            rows.add(List.of(Integer.toString(r.number()), Integer.toString(r.taskNumber()), r.unitName(),
                    r.dueDate().toString(), Long.toString(r.overdueDays())));
        }
        return rows;
    }
}
