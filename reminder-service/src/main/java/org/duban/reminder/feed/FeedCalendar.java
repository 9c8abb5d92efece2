package org.duban.reminder.feed;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.duban.reminder.engine.Policy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One unit's calendar feed as an iCalendar object: an all-day event (DTSTART;VALUE=DATE, DTEND the next day) per
 * open due date and per open milestone, with alarms at the policy's {@code sendAt} on each of its lead days. Pure:
 * the same items give the same text, so the text's hash is the feed's ETag.
 */
public final class FeedCalendar {

    static final String PRODUCT = "-//Duban//督办 calendar feed 1.0//ZH";
    private static final int SHORT_REQUIREMENT = 30;

    /** What the feed is built from. */
    public record Content(String unitCode, String unitName, List<FeedItems.Due> dueDates, List<FeedItems.Milestone> milestones,
                          Map<String, Policy> policies, URI consoleUrl, Duration refreshInterval) {

        Policy policyOf(long planId) {
            return policies.getOrDefault(Long.toString(planId), policies.get("default"));
        }
    }

    private FeedCalendar() {
    }

    public static Calendar of(Content c) {
        Calendar calendar = new Calendar();
        String name = "督办 · " + c.unitName();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-CALDESC", c.unitName() + "承担的督办任务：未办结任务的完成时限和工作节点"));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Asia/Shanghai"));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), c.refreshInterval()));
        calendar.add(new XProperty("X-PUBLISHED-TTL", c.refreshInterval().toString()));
        List<VEvent> events = new ArrayList<>();
        for (FeedItems.Due due : c.dueDates()) {
            events.add(dueEvent(c, due));
        }
        for (FeedItems.Milestone m : c.milestones()) {
            events.add(milestoneEvent(c, m));
        }
        events.stream().sorted(Comparator.comparing((VEvent e) -> e.getProperty("DTSTART").orElseThrow().getValue())
                        .thenComparing(e -> e.getProperty("UID").orElseThrow().getValue()))
                .forEach(calendar::add);
        if (events.isEmpty()) {
            // RFC 5545 wants at least one component: the plan's time zone, harmless where nothing uses it
            calendar.add(shanghai());
        }
        return calendar;
    }

    private static VEvent dueEvent(Content c, FeedItems.Due due) {
        Policy policy = c.policyOf(due.planId());
        URI link = link(c.consoleUrl(), due.assignmentId());
        String summary = "【督办】第" + due.taskNumber() + "项任务截止：" + shorten(due.requirement());
        String description = "任务要求：" + due.requirement() + "\n"
                + "承办单位：" + c.unitName() + "（" + role(due.role()) + "）\n"
                + "完成时限：" + chinese(due.dueDate()) + "\n"
                + "办理状态：" + status(due.status()) + "\n"
                + "在督办台办理：" + link;
        VEvent event = event("assignment-" + due.assignmentId() + "@duban", due.dueDate(), summary, description, link,
                due.version(), due.updatedAt());
        TreeSet<Integer> leads = new TreeSet<>(policy.leadDays());
        if (policy.onDueDate()) {
            leads.add(0);
        }
        for (int lead : leads) {
            event.add(alarm(lead, policy.sendAt(), lead == 0
                    ? "第" + due.taskNumber() + "项任务今天到期（" + chinese(due.dueDate()) + "）"
                    : "第" + due.taskNumber() + "项任务还有" + lead + "天到期（" + chinese(due.dueDate()) + "）"));
        }
        return event;
    }

    private static VEvent milestoneEvent(Content c, FeedItems.Milestone m) {
        Policy policy = c.policyOf(m.planId());
        URI link = link(c.consoleUrl(), m.assignmentId());
        String summary = "【督办】第" + m.taskNumber() + "项任务节点：" + m.title();
        String description = "工作节点：" + m.title() + "\n"
                + "节点时限：" + chinese(m.dueDate()) + "\n"
                + "任务要求：" + m.requirement() + "\n"
                + "承办单位：" + c.unitName() + "\n"
                + "在督办台办理：" + link;
        VEvent event = event("milestone-" + m.milestoneId() + "@duban", m.dueDate(), summary, description, link,
                m.version(), m.updatedAt());
        for (int lead : new TreeSet<>(policy.milestoneLeadDays())) {
            event.add(alarm(lead, policy.sendAt(), lead == 0
                    ? "第" + m.taskNumber() + "项任务节点“" + m.title() + "”今天到期"
                    : "第" + m.taskNumber() + "项任务节点“" + m.title() + "”还有" + lead + "天到期（" + chinese(m.dueDate()) + "）"));
        }
        return event;
    }

    private static VEvent event(String uid, LocalDate day, String summary, String description, URI link, long version,
                                java.time.Instant updatedAt) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid));
        event.add(new DtStamp(updatedAt));
        event.add(new LastModified(updatedAt));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, Math.max(0, version))));
        event.add(new DtStart<>(day));
        event.add(new DtEnd<>(day.plusDays(1)));
        event.add(new Summary(summary));
        event.add(new Description(description));
        event.add(new Url(link));
        event.add(new Categories("督办"));
        event.add(new Status(Status.VALUE_CONFIRMED));
        // a deadline is not a meeting: the day stays free in free/busy views
        event.add(new Transp(Transp.VALUE_TRANSPARENT));
        return event;
    }

    private static VTimeZone shanghai() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(ZoneOffset.ofHours(8)));
        standard.add(new TzOffsetTo(ZoneOffset.ofHours(8)));
        standard.add(new TzName("CST"));
        VTimeZone zone = new VTimeZone(new ComponentList<>(List.of(standard)));
        zone.add(new TzId("Asia/Shanghai"));
        return zone;
    }

    /** An alarm {@code lead} days before the (all-day, floating) day, at {@code sendAt} local time. */
    static VAlarm alarm(int lead, LocalTime sendAt, String text) {
        VAlarm alarm = new VAlarm();
        alarm.add(trigger(lead, sendAt));
        alarm.add(new Action(Action.VALUE_DISPLAY));
        alarm.add(new Description(text));
        return alarm;
    }

    static Trigger trigger(int lead, LocalTime sendAt) {
        return new Trigger(new ParameterList(), offset(lead, sendAt));
    }

    /** From the day's start (00:00) to {@code sendAt} {@code lead} days before: 7 days at 09:00 is -P6DT15H. */
    static Duration offset(int lead, LocalTime sendAt) {
        return Duration.ofDays(-lead).plusSeconds(sendAt.toSecondOfDay());
    }

    static URI link(URI console, long assignmentId) {
        String base = console.toString().replaceAll("/+$", "");
        return URI.create(base + "/assignments/" + assignmentId);
    }

    static String shorten(String requirement) {
        String oneLine = requirement.replaceAll("\\s+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) <= SHORT_REQUIREMENT ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, SHORT_REQUIREMENT)) + "…";
    }

    static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String role(String role) {
        return "LEAD".equals(role) ? "牵头单位" : "责任单位";
    }

    private static String status(String status) {
        return switch (status) {
            case "NOT_STARTED" -> "未开始";
            case "IN_PROGRESS" -> "办理中";
            default -> status;
        };
    }
}
