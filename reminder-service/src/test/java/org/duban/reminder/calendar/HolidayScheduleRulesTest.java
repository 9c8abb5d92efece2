package org.duban.reminder.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a notice year's list of dates must look like, as JSON drafts and as CSV lines. */
class HolidayScheduleRulesTest {

    private static NoticeYearRules.Result check(int year, NoticeYearRules.Draft... drafts) {
        return NoticeYearRules.check(year, List.of(drafts), i -> "days[" + i + "]");
    }

    private static NoticeYearRules.Draft day(String date, String kind, String name) {
        return new NoticeYearRules.Draft(date, kind, name);
    }

    @Test
    void aPlausible2027ScheduleIsAccepted() {
        NoticeYearRules.Result result = check(2027,
                day("2027-01-01", "OFF", "元旦"), day("2027-01-02", "OFF", "元旦"), day("2027-01-03", "OFF", "元旦"),
                day("2027-02-06", "OFF", "春节"), day("2027-02-07", "off", "春节"), day("2027-02-08", "OFF", "春节"),
                day("2027-02-20", "WORK", " 春节 "));
        assertEquals(List.of(), result.findings());
        assertEquals(7, result.entries().size());
        assertEquals(new HolidayEntry(java.time.LocalDate.parse("2027-02-20"), DayKind.WORK, "春节", 2027),
                result.entries().get(6));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "2027-13-01 | OFF  | 元旦 | date | must be a date like 2027-10-01",
            "           | OFF  | 元旦 | date | must not be empty",
            "2026-11-30 | OFF  | 元旦 | date | must be between 2026-12-01 and 2028-01-31 for the 2027 schedule",
            "2028-02-01 | OFF  | 春节 | date | must be between 2026-12-01 and 2028-01-31",
            "2027-10-01 | HOLIDAY | 国庆 | kind | must be OFF or WORK; got 'HOLIDAY'",
            "2027-10-01 |      | 国庆 | kind | must not be empty",
            "2027-10-01 | OFF  |      | name | must name the holiday",
            "2027-10-16 | OFF  | 国庆 | date | 2027-10-16 is a Saturday, a day off anyway",
            "2027-10-13 | WORK | 国庆 | date | 2027-10-13 is a Wednesday, a working day anyway",
    })
    void aWrongDateIsAFieldError(String date, String kind, String name, String field, String message) {
        NoticeYearRules.Result result = check(2027, day("2027-05-03", "OFF", "劳动节"), day(date, kind, name));
        assertEquals(1, result.findings().size(), result.findings().toString());
        NoticeYearRules.Finding finding = result.findings().get(0);
        assertEquals(1, finding.index());
        assertEquals(field, finding.field());
        assertTrue(finding.message().contains(message), finding.message());
    }

    @Test
    void weekendOffsInsideARunAndTheFirstDayBackAreNotTypos() {
        // 国庆 2022 runs Saturday to Friday; 2020's 春节 extension ended on a Sunday and named Monday 02-03
        assertEquals(List.of(), check(2022, day("2022-10-01", "OFF", "国庆节"), day("2022-10-02", "OFF", "国庆节"),
                day("2022-10-03", "OFF", "国庆节")).findings());
        assertEquals(List.of(), check(2020, day("2020-01-31", "OFF", "春节"), day("2020-02-01", "OFF", "春节"), day("2020-02-02", "OFF", "春节"),
                day("2020-02-03", "WORK", "春节")).findings());
        // a weekend of its own is no run
        assertEquals(2, check(2022, day("2022-10-15", "OFF", "国庆节"), day("2022-10-16", "OFF", "国庆节")).findings().size());
    }

    @Test
    void aRepeatedDateNamesTheFirst() {
        NoticeYearRules.Result result = check(2027, day("2027-10-01", "OFF", "国庆"), day("2027-10-04", "OFF", "国庆"),
                day("2027-10-01", "OFF", "国庆"));
        assertEquals(List.of(new NoticeYearRules.Finding(2, "date", "2027-10-01 repeats days[0]")), result.findings());
    }

    @Test
    void theShippedFileReadsWithoutAProblem() {
        HolidayCsv.Result result = HolidayCsv.read(HolidayScheduleTest.shippedCsv());
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026), List.copyOf(result.years().keySet()));
        assertEquals(34, result.years().get(2023).size());
        // and it writes back to the same lines
        List<HolidayEntry> all = result.years().values().stream().flatMap(List::stream).toList();
        assertEquals(HolidayScheduleTest.shippedCsv().replace("\r", ""), HolidayCsv.write(all));
    }

    @Test
    void aFileWithProblemsNamesEveryLine() {
        String csv = "\uFEFFdate,kind,holiday,scheduleYear\r\n"
                + "2027-01-01,OFF,元旦,2027\r\n"       // 2
                + "\r\n"                                // 3 blank: skipped
                + "2027-01-32,OFF,元旦,2027\r\n"       // 4 no such date
                + "2027-02-06,SHIFT,春节,2027\r\n"     // 5 kind
                + "2027-02-07,OFF,春节\r\n"             // 6 a cell short
                + "2027-02-08,OFF,春节,27\r\n"         // 7 year
                + "2027-02-20,WORK,春节,2027\r\n"      // 8 fine
                + "2027-01-01,OFF,元旦,2028\r\n"       // 9 out of 2028's range
                + "2028-01-03,OFF,元旦,2028\r\n"       // 10 fine
                + "2028-01-03,OFF,元旦,2027\r\n";      // 11 also in 2028's
        HolidayCsv.Result result = HolidayCsv.read(csv);
        assertEquals(List.of(4, 5, 6, 7, 9, 11), result.problems().stream().map(HolidayCsv.LineProblem::line).toList(),
                result.problems().toString());
        assertEquals("kind", result.problems().get(1).field());
        assertEquals("scheduleYear", result.problems().get(3).field());
        assertTrue(result.problems().get(5).message().contains("repeats line 10"), result.problems().get(5).message());
        assertFalse(result.ok());
        assertEquals(List.of(2027, 2028), List.copyOf(result.years().keySet()), "what is well-formed is kept for further checks");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                                   | the file is empty",
            "date,kind,holiday,scheduleYear       | a header but no dates",
            "date,kind,holiday                    | a column is missing",
            "date,kind,holiday,year               | unknown column 'year'",
    })
    void aFileThatIsNotASchedule(String csv, String message) {
        HolidayCsv.Result result = HolidayCsv.read(csv);
        assertEquals(1, result.problems().size());
        assertEquals(1, result.problems().get(0).line());
        assertTrue(result.problems().get(0).message().contains(message), result.problems().get(0).message());
    }

    @Test
    void quotedNamesAndOtherColumnNamesAreRead() {
        HolidayCsv.Result result = HolidayCsv.read("Date,Kind,name,noticeYear\n2027-10-01,OFF,\"国庆节,中秋节\",2027\n"
                + "2027-10-04,OFF,\"国庆节\n中秋节\",2027\n2027-10-05,off,国庆节,2027\n");
        assertEquals(List.of(), result.problems());
        assertEquals("国庆节,中秋节", result.years().get(2027).get(0).name());
        HolidayCsv.Result wrong = HolidayCsv.read("date,kind,name,noticeYear\n2027-10-01,OFF,\"国庆节\n中秋节\",2027\n2027-10-06,WORK,国庆节,2027\n");
        assertEquals(4, wrong.problems().get(0).line(), "the quoted line break counts");
    }

    /** The hand-written parser this replaced took both quotes below for the start of a quoted cell. */
    @Test
    void quotesAreReadAsRfc4180HasThem() {
        HolidayCsv.Result open = HolidayCsv.read("date,kind,name,noticeYear\n2027-10-01,OFF,国庆节,2027\n"
                + "2027-10-04,OFF,\"国庆节,2027\n2027-10-05,OFF,国庆节,2027\n");
        assertEquals(List.of(new HolidayCsv.LineProblem(3, null, "the quotes of this row do not pair up: a quoted cell must end "
                + "with a quote followed by a comma or the end of the line, and a quote inside it is written twice (\"\")")),
                open.problems());
        HolidayCsv.Result inside = HolidayCsv.read("date,kind,name,noticeYear\n2027-10-01,OFF,国庆\"节,2027\n");
        assertEquals(List.of(), inside.problems());
        assertEquals("国庆\"节", inside.years().get(2027).get(0).name());
    }
}
