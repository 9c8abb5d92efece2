package org.duban.reminder.feed;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.duban.reminder.engine.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feed's text as calendar apps read it: valid RFC 5545, CRLF, folded at 75 octets, alarms at sendAt. */
class FeedCalendarTest {

    static final String REQUIREMENT = "认真分析研究国办2021年度评估指出的问题，开展全面排查和整改提升，切实提高政务公开标准化规范化水平，"
            + "确保政务公开工作质量稳步提升；对照要求逐项建立台账，明确责任分工和完成时限。";
    static final Instant UPDATED = Instant.parse("2022-03-01T02:00:00Z");

    static FeedCalendar.Content hefei() {
        Policy plan = new Policy(List.of(30, 7, 1), true, 7, 14, java.time.Period.ofMonths(3), true, LocalTime.of(9, 0),
                java.time.ZoneId.of("Asia/Shanghai"), 3, List.of(3, 0));
        return new FeedCalendar.Content("gov-340100", "合肥市人民政府",
                List.of(new FeedItems.Due(1042, 7, 39, REQUIREMENT, "RESPONSIBLE", "NOT_STARTED", LocalDate.of(2022, 6, 30), 3, UPDATED)),
                List.of(new FeedItems.Milestone(12, 1042, 7, 39, REQUIREMENT, "报送整改工作方案", LocalDate.of(2022, 4, 15), 1, UPDATED)),
                Map.of("default", Policy.BUILT_IN, "7", plan), URI.create("https://duban.example.gov.cn/"), Duration.ofHours(1));
    }

    @Test
    void theTextIsValidRfc5545WithCrlfAndLinesOfAtMost75Octets() throws Exception {
        String text = IcsText.write(FeedCalendar.of(hefei()));
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), text);
        assertTrue(text.endsWith("END:VCALENDAR\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(text.replace("\r\n", "").contains("\r"), "no bare CR");
        for (String line : text.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line.getBytes(StandardCharsets.UTF_8).length + ": " + line);
        }
        assertTrue(text.contains("\r\n "), "the long Chinese lines are folded");
        // ical4j reads it back and its validator accepts it
        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertValid(parsed);
        VEvent due = event(parsed, "assignment-1042@duban");
        assertEquals("20220630", due.getProperty("DTSTART").orElseThrow().getValue());
        assertEquals("DATE", due.getProperty("DTSTART").orElseThrow().getParameter("VALUE").orElseThrow().getValue());
        assertEquals("20220701", due.getProperty("DTEND").orElseThrow().getValue());
        assertEquals("【督办】第39项任务截止：认真分析研究国办2021年度评估指出的问题，开展全面排查和整…",
                due.getProperty("SUMMARY").orElseThrow().getValue());
        String description = due.getProperty("DESCRIPTION").orElseThrow().getValue();
        assertTrue(description.startsWith("任务要求：" + REQUIREMENT + "\n承办单位：合肥市人民政府（责任单位）\n完成时限：2022年6月30日\n"),
                "unfolding gives back the text, multi-byte characters whole: " + description);
        assertTrue(description.endsWith("在督办台办理：https://duban.example.gov.cn/assignments/1042"), description);
        assertEquals("3", due.getProperty("SEQUENCE").orElseThrow().getValue());
        assertEquals("TRANSPARENT", due.getProperty("TRANSP").orElseThrow().getValue());
        assertEquals("督办 · 合肥市人民政府", parsed.getProperty("X-WR-CALNAME").orElseThrow().getValue());
        assertEquals("PT1H", parsed.getProperty("REFRESH-INTERVAL").orElseThrow().getValue());
        assertEquals("PT1H", parsed.getProperty("X-PUBLISHED-TTL").orElseThrow().getValue());
    }

    @Test
    void alarmsFollowThePlansLeadDaysAtItsSendingTime() throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(IcsText.write(FeedCalendar.of(hefei()))));
        // the plan's leadDays [30, 7, 1] and the due date itself (onDueDate), closest first, at 09:00
        assertEquals(List.of("PT9H", "-PT15H", "-P6DT15H", "-P29DT15H"), triggers(event(parsed, "assignment-1042@duban")));
        // milestoneLeadDays [3, 0]
        VEvent milestone = event(parsed, "milestone-12@duban");
        assertEquals(List.of("PT9H", "-P2DT15H"), triggers(milestone));
        assertEquals("【督办】第39项任务节点：报送整改工作方案", milestone.getProperty("SUMMARY").orElseThrow().getValue());
        assertEquals("20220415", milestone.getProperty("DTSTART").orElseThrow().getValue());
        assertEquals("20220416", milestone.getProperty("DTEND").orElseThrow().getValue());
        // a plan without a policy of its own has the default's
        FeedCalendar.Content c = hefei();
        FeedCalendar.Content other = new FeedCalendar.Content(c.unitCode(), c.unitName(),
                List.of(new FeedItems.Due(1043, 8, 40, "另一项任务", "LEAD", "IN_PROGRESS", LocalDate.of(2022, 9, 30), 1, UPDATED)),
                List.of(), c.policies(), c.consoleUrl(), c.refreshInterval());
        Calendar defaults = new CalendarBuilder().build(new StringReader(IcsText.write(FeedCalendar.of(other))));
        assertEquals(List.of("PT9H", "-PT15H", "-P6DT15H", "-P29DT15H"), triggers(event(defaults, "assignment-1043@duban")));
        event(defaults, "assignment-1043@duban").getAlarms().forEach(a -> assertEquals("DISPLAY", a.getProperty("ACTION").orElseThrow().getValue()));
    }

    @Test
    void aUnitWithNothingOpenGetsAValidCalendar() throws Exception {
        FeedCalendar.Content c = hefei();
        String text = IcsText.write(FeedCalendar.of(new FeedCalendar.Content(c.unitCode(), c.unitName(), List.of(), List.of(),
                c.policies(), c.consoleUrl(), c.refreshInterval())));
        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertValid(parsed);
        assertEquals(List.of(), parsed.getComponents("VEVENT"));
    }

    @Test
    void theSameItemsGiveTheSameText() {
        assertEquals(IcsText.write(FeedCalendar.of(hefei())), IcsText.write(FeedCalendar.of(hefei())));
    }

    @ParameterizedTest
    @CsvSource({"0, 09:00, PT9H", "1, 09:00, -PT15H", "3, 00:00, -P3D", "7, 09:00, -P6DT15H", "3, 17:30, -P2DT6H30M"})
    void theAlarmOffsetIsFromTheDaysStart(int lead, String sendAt, String expected) {
        assertEquals(expected, FeedCalendar.trigger(lead, LocalTime.parse(sendAt)).getValue());
    }

    @Test
    void foldingNeverSplitsACharacter() {
        StringBuilder out = new StringBuilder();
        String line = "DESCRIPTION:" + "督办𠀀a".repeat(40);
        IcsText.fold(line, out);
        for (String part : out.toString().split("\r\n")) {
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length <= 75);
            assertFalse(part.isEmpty());
            assertFalse(Character.isLowSurrogate(part.charAt(part.startsWith(" ") ? 1 : 0)), "no half of a surrogate pair");
        }
        assertEquals(line, out.toString().replace("\r\n ", "").replace("\r\n", ""));
    }

    static void assertValid(Calendar calendar) throws Exception {
        var result = calendar.validate();
        assertFalse(result.hasErrors(), result.toString());
    }

    static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> uid.equals(e.getProperty("UID").orElseThrow().getValue())).findFirst().orElseThrow(() -> new AssertionError(uid));
    }

    static List<String> triggers(VEvent event) {
        return event.getAlarms().stream().map(a -> a.getProperty("TRIGGER").orElseThrow().getValue()).toList();
    }
}
