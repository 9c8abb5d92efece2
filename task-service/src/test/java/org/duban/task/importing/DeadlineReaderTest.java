package org.duban.task.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineReaderTest {

    private static final LocalDate ISSUED = LocalDate.of(2022, 6, 6);

    private final DeadlineReader reader = new DeadlineReader();

    /** Expected: FIXED with the date, ONGOING, or REVIEW (ongoing, marked for the office to decide). */
    private static Deadline expected(String text, String expected) {
        return switch (expected) {
            case "ONGOING" -> new Deadline(DeadlineKind.ONGOING, null, text, false);
            case "REVIEW" -> new Deadline(DeadlineKind.ONGOING, null, text, true);
            default -> new Deadline(DeadlineKind.FIXED, LocalDate.parse(expected), text, false);
        };
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # every deadline text of the Anhui 2022 plan
            年底前            | 2022-12-31
            持续推进          | ONGOING
            6 月底前          | 2022-06-30
            # the rules of DOMAIN.md
            长期坚持          | ONGOING
            持续开展          | ONGOING
            9月底前           | 2022-09-30
            11月底前          | 2022-11-30
            6月底             | 2022-06-30
            10月15日前        | 2022-10-15
            10月15日之前      | 2022-10-15
            2023年3月底前     | 2023-03-31
            2023年底前        | 2023-12-31
            2023年年底前      | 2023-12-31
            年底前完成        | 2022-12-31
            印发后一个月内    | 2022-07-06
            一个月内          | 2022-07-06
            两个月内          | 2022-08-06
            三个月内          | 2022-09-06
            6个月内           | 2022-12-06
            # spaces and full-width digits from extraction and Chinese input methods
            2022 年 9 月底前  | 2022-09-30
            ９月底前          | 2022-09-30
            １０月１５日前    | 2022-10-15
            ２０２３年底前    | 2023-12-31
            印发后 1 个月内   | 2022-07-06
            # a date and an ongoing marker: the date is the commitment
            9月底前，持续推进 | 2022-09-30
            持续推进；年底前  | 2022-12-31
            # never guessed
            每季度报送        | REVIEW
            适时              | REVIEW
            ''                | REVIEW
            年内              | REVIEW
            9月底前，年底前   | REVIEW
            13月底前          | REVIEW
            2月30日前         | REVIEW
            底前              | REVIEW
            持续推进，及时报送 | REVIEW
            """)
    void readsDeadlines(String text, String expected) {
        String cell = text == null ? "" : text;
        assertEquals(expected(cell, expected), reader.read(cell, ISSUED, 2022));
    }

    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2月底前 | 2024 | 2024-02-29
            2月底前 | 2023 | 2023-02-28
            2月底前 | 2100 | 2100-02-28
            2月29日前 | 2024 | 2024-02-29
            """)
    void monthEndsFollowTheCalendar(String text, int planYear, LocalDate due) {
        assertEquals(due, reader.read(text, LocalDate.of(planYear, 1, 10), planYear).dueDate());
    }

    @Test
    void theTwentyNinthOfFebruaryInACommonYearIsNoDate() {
        assertEquals(expected("2月29日前", "REVIEW"), reader.read("2月29日前", LocalDate.of(2023, 1, 10), 2023));
    }

    @Test
    void aMonthAfterIssueEndsOnTheLastDayOfAShortMonth() {
        assertEquals(LocalDate.of(2024, 2, 29), reader.read("印发后一个月内", LocalDate.of(2024, 1, 31), 2024).dueDate());
    }

    @Test
    void aDateBeforeTheIssueDateIsKeptButReviewed() {
        assertEquals(new Deadline(DeadlineKind.FIXED, LocalDate.of(2022, 3, 31), "3月底前", true),
                reader.read("3月底前", ISSUED, 2022));
    }

    @Test
    void withoutAPlanYearOrIssueDateNothingIsGuessed() {
        assertEquals(expected("年底前", "REVIEW"), reader.read("年底前", null, 0));
        assertEquals(expected("印发后一个月内", "REVIEW"), reader.read("印发后一个月内", null, 2022));
        assertEquals(LocalDate.of(2023, 6, 30), reader.read("2023年6月底前", null, 0).dueDate());
    }

    @Test
    void keepsTheTextAsThePlanWroteIt() {
        assertEquals("6 月底前", reader.read(" <p>6 月底前</p> ", ISSUED, 2022).text());
    }

    @Test
    void everyDeadlineOfTheAnhuiPlan() {
        ParsedPlan plan = SamplePlan.plan();
        Map<String, Long> dues = plan.tasks().stream()
                .map(task -> reader.read(task.deadlineText(), plan.metadata().issuedOn(), plan.metadata().year()))
                .collect(Collectors.groupingBy(d -> d.reviewNeeded() ? "review" : String.valueOf(d.dueDate()),
                        TreeMap::new, Collectors.counting()));
        // 22 by the end of the year, 2 by the end of June (tasks 39 and 40), 20 ongoing
        assertEquals(Map.of("2022-12-31", 22L, "2022-06-30", 2L, "null", 20L), dues);
    }
}
