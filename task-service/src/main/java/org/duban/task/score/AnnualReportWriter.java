package org.duban.task.score;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The annual-report section as Markdown (to paste into the report's draft) or as a Word document in official layout. */
final class AnnualReportWriter {

    static final String MARKDOWN = "text/markdown; charset=UTF-8";

    private AnnualReportWriter() {
    }

    static byte[] markdown(AnnualReport r) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(r.heading()).append("\n\n");
        md.append(r.summary()).append("\n\n");
        md.append(row(r.tableHeader()));
        md.append("|").append("---|".repeat(r.tableHeader().size())).append("\n");
        r.table().forEach(cells -> md.append(row(cells)));
        md.append("\n");
        int n = 0;
        for (AnnualReport.TaskText t : r.tasks()) {
            md.append("### ").append(++n).append(". ").append(t.heading()).append("\n\n");
            md.append(t.facts()).append("\n");
            if (!t.progress().isEmpty()) {
                md.append("\n落实情况：\n\n");
                t.progress().forEach(p -> md.append("- ").append(p.replace("\n", " ")).append("\n"));
            }
            md.append("\n");
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(List<String> cells) {
        StringBuilder line = new StringBuilder("|");
        cells.forEach(c -> line.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |"));
        return line.append("\n").toString();
    }

    static byte[] docx(AnnualReport r, String title) {
        try (OfficialDocx doc = new OfficialDocx()) {
            doc.title(title);
            doc.heading(r.heading());
            doc.paragraph(r.summary());
            doc.table(r.tableHeader(), r.table());
            int n = 0;
            for (AnnualReport.TaskText t : r.tasks()) {
                doc.paragraph("（" + chinese(++n) + "）" + t.heading());
                doc.paragraph(t.facts());
                if (!t.progress().isEmpty()) {
                    doc.paragraph("落实情况：" + String.join("；", t.progress().stream().map(AnnualReportWriter::withoutStop).toList()) + "。");
                }
            }
            return doc.bytes(title, r.unitName() == null ? "" : r.unitName(), r.asOf());
        }
    }

    private static String withoutStop(String text) {
        return text.endsWith("。") || text.endsWith("；") ? text.substring(0, text.length() - 1) : text;
    }

    /** 1 → 一, 12 → 十二, 44 → 四十四 (the ordinals of （一） headings). */
    static String chinese(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return digits[n];
        }
        if (n < 100) {
            return (n / 10 == 1 ? "" : digits[n / 10]) + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
        }
        return Integer.toString(n);
    }
}
