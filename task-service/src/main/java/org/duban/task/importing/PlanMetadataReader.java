package org.duban.task.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the notice above the task table. A notice reads, top to bottom: letterhead (安徽省人民政府办公厅),
 * document number, the notice's own title (…关于印发…的通知), addressees and body, the signing office,
 * the date, and then the plan's title right above the table.
 */
final class PlanMetadataReader {

    /** 皖政务办〔2022〕3号, with whatever brackets the extraction left around the year. */
    private static final Pattern DOCUMENT_NUMBER =
            Pattern.compile("^(\\p{IsHan}{2,12})[〔\\[(（﹝【［{]([0-9]+)[〕\\])）﹞】］}]第?([0-9]+)号$");
    private static final Pattern DATE = Pattern.compile("^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$");
    private static final Pattern NOTICE_TITLE = Pattern.compile("关于印发《?(.+?)》?的通知");
    private static final Pattern YEAR_IN_TITLE = Pattern.compile("([0-9]{4})年");
    private static final Pattern ANNEX = Pattern.compile("^附件[0-9]*[:：]?$");
    /** Sentences of the body and the addressee line end like this; titles and names do not. */
    private static final String SENTENCE_ENDINGS = "。：:；;，,！？!?";
    private static final int MAX_TITLE_LENGTH = 80;
    private static final int MAX_ISSUER_LENGTH = 40;

    private record Line(int index, PlanRow row, String text, String compact) {
    }

    PlanMetadata read(List<PlanRow> preamble, List<LineProblem> problems) {
        List<Line> lines = new ArrayList<>();
        for (PlanRow row : preamble) {
            String text = String.join(" ", row.filledCells());
            if (!text.isEmpty()) {
                lines.add(new Line(lines.size(), row, text, CellText.compact(text)));
            }
        }
        Line numberLine = first(lines, line -> DOCUMENT_NUMBER.matcher(line.compact()).matches());
        String documentNumber = numberLine == null ? null : documentNumber(numberLine, problems);
        Line dateLine = last(lines, line -> DATE.matcher(line.compact()).matches());
        LocalDate issuedOn = dateLine == null ? null : date(dateLine, problems);

        Line issuerLine = dateLine == null || dateLine.index() == 0 ? null : lines.get(dateLine.index() - 1);
        if (issuerLine != null && (issuerLine == numberLine || !nameLike(issuerLine, MAX_ISSUER_LENGTH))) {
            issuerLine = null;
        }
        Line titleLine = titleLine(lines, dateLine, issuerLine);
        String title = titleLine != null ? CellText.withoutSpacesByCjk(titleLine.text()) : titleFromNotice(lines);
        if (issuerLine == null && !lines.isEmpty()) {
            // no signature: the letterhead names the office
            Line header = lines.get(0);
            if (header != numberLine && header != dateLine && header != titleLine && nameLike(header, MAX_ISSUER_LENGTH)) {
                issuerLine = header;
            }
        }
        String issuer = issuerLine == null ? null : CellText.withoutSpacesByCjk(issuerLine.text());
        return new PlanMetadata(title, documentNumber, issuer, issuedOn, year(title, documentNumber, issuedOn));
    }

    private static String documentNumber(Line line, List<LineProblem> problems) {
        Matcher m = DOCUMENT_NUMBER.matcher(line.compact());
        m.matches();
        if (m.group(2).length() != 4) {
            problems.add(LineProblem.at(line.row(), "The document number must give the year in four digits, as in 皖政务办〔2022〕3号."));
            return null;
        }
        return m.group(1) + "〔" + m.group(2) + "〕" + Integer.parseInt(m.group(3)) + "号";
    }

    private static LocalDate date(Line line, List<LineProblem> problems) {
        Matcher m = DATE.matcher(line.compact());
        m.matches();
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            problems.add(LineProblem.at(line.row(), "The issue date is not a real calendar date."));
            return null;
        }
    }

    /**
     * The plan's own title follows the signature date. A notice without it names the plan in its
     * own title (关于印发…的通知), read by the caller; a sheet with a few metadata rows and no notice
     * has it as the one title-like row.
     */
    private static Line titleLine(List<Line> lines, Line dateLine, Line issuerLine) {
        int from = dateLine == null ? 0 : dateLine.index() + 1;
        Line afterDate = last(lines.subList(from, lines.size()), line -> line != issuerLine && titleLike(line));
        if (afterDate != null || dateLine == null || lines.stream().anyMatch(line -> NOTICE_TITLE.matcher(line.compact()).find())) {
            return afterDate;
        }
        return last(lines, line -> line != issuerLine && titleLike(line));
    }

    private static String titleFromNotice(List<Line> lines) {
        for (Line line : lines) {
            Matcher m = NOTICE_TITLE.matcher(CellText.withoutSpacesByCjk(line.text()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static boolean titleLike(Line line) {
        return nameLike(line, MAX_TITLE_LENGTH)
                && !DOCUMENT_NUMBER.matcher(line.compact()).matches()
                && !DATE.matcher(line.compact()).matches()
                && !ANNEX.matcher(line.compact()).matches()
                && !NOTICE_TITLE.matcher(line.compact()).find();
    }

    private static boolean nameLike(Line line, int maxLength) {
        String compact = line.compact();
        return compact.length() >= 2 && compact.length() <= maxLength
                && SENTENCE_ENDINGS.indexOf(compact.charAt(compact.length() - 1)) < 0;
    }

    private static int year(String title, String documentNumber, LocalDate issuedOn) {
        if (title != null) {
            Matcher m = YEAR_IN_TITLE.matcher(CellText.asciiDigits(title));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        if (documentNumber != null) {
            return Integer.parseInt(documentNumber.substring(documentNumber.indexOf('〔') + 1, documentNumber.indexOf('〕')));
        }
        return issuedOn == null ? 0 : issuedOn.getYear();
    }

    private static Line first(List<Line> lines, Predicate<Line> test) {
        return lines.stream().filter(test).findFirst().orElse(null);
    }

    private static Line last(List<Line> lines, Predicate<Line> test) {
        Line found = null;
        for (Line line : lines) {
            if (test.test(line)) {
                found = line;
            }
        }
        return found;
    }
}
