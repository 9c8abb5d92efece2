package org.duban.reminder.engine;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** The Chinese texts of reminders and digests, from the Qute templates in templates/ReminderTexts. */
@ApplicationScoped
public class ReminderTexts {

    static final int REQUIREMENT_LENGTH = 60;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance title(Item item);

        static native TemplateInstance body(Item item);

        static native TemplateInstance digestSubject(String unitName, List<Line> items);

        static native TemplateInstance digestBody(String unitName, List<Line> items);

        static native TemplateInstance urgeTitle(Urge urge);

        static native TemplateInstance urgeBody(Urge urge);
    }

    /** What an urge's (催办) text is made of. */
    @TemplateData
    public record Urge(int taskNumber, String dueDate, String requirement, String unitName, String senderName,
                       String senderLabel, String message, String shortMessage, String by) {
    }

    static final int URGE_TITLE_MESSAGE_LENGTH = 40;

    /**
     * The texts of an urge to {@code unitName}: the title names the sender, the task and (the start of) the message.
     *
     * @param senderRole OFFICE, LEAD or DELEGATOR (another value reads as the sender alone)
     */
    public Text urge(int taskNumber, LocalDate dueDate, String requirement, String unitName, String senderName,
                     String senderRole, String message, String by) {
        String flat = message == null ? "" : message.strip();
        String oneLine = flat.replaceAll("\\s+", " ");
        String label = senderRole == null ? "" : switch (senderRole) {
            case "LEAD" -> "（牵头单位）";
            case "DELEGATOR" -> "（分解下达单位）";
            default -> "";
        };
        Urge urge = new Urge(taskNumber, date(dueDate), shortRequirement(requirement), unitName, senderName, label, flat,
                oneLine.length() <= URGE_TITLE_MESSAGE_LENGTH ? oneLine : oneLine.substring(0, URGE_TITLE_MESSAGE_LENGTH) + "…",
                by == null ? "" : by);
        return new Text(Templates.urgeTitle(urge).render().strip(), Templates.urgeBody(urge).render().strip());
    }

    /** What a reminder's text is made of. */
    @TemplateData
    public record Item(String kind, int taskNumber, long days, String dueDate, String requirement, String unitName,
                       String recipientName, String period, String milestoneTitle, int withinDays, boolean toDelegator) {
    }

    /** One line of a digest. */
    @TemplateData
    public record Line(String kindLabel, String title, String detail) {
    }

    public record Text(String title, String body) {
    }

    public Text reminder(ReminderKind kind, int taskNumber, LocalDate dueDate, LocalDate today, String requirement,
                         String unitName, String recipientName, Period period) {
        return reminder(kind, taskNumber, dueDate, today, requirement, unitName, recipientName, period, null, 0);
    }

    /**
     * @param dueDate         the milestone's for MILESTONE_DUE and MILESTONE_OVERDUE
     * @param milestoneTitle  the milestone's title, for those two kinds
     * @param withinDays      the working days the unit had to sign for the work, for ACKNOWLEDGE_DUE
     */
    public Text reminder(ReminderKind kind, int taskNumber, LocalDate dueDate, LocalDate today, String requirement,
                         String unitName, String recipientName, Period period, String milestoneTitle, int withinDays) {
        return reminder(kind, taskNumber, dueDate, today, requirement, unitName, recipientName, period, milestoneTitle, withinDays,
                false);
    }

    /**
     * @param toDelegator the recipient is the unit that delegated the work (an escalation of delegated work): the text
     *                    says it was delegated by the recipient
     */
    public Text reminder(ReminderKind kind, int taskNumber, LocalDate dueDate, LocalDate today, String requirement,
                         String unitName, String recipientName, Period period, String milestoneTitle, int withinDays,
                         boolean toDelegator) {
        long days = dueDate == null ? 0 : Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, dueDate));
        Item item = new Item(kind.name(), taskNumber, days, date(dueDate), shortRequirement(requirement), unitName,
                recipientName, period(period), milestoneTitle == null ? "" : milestoneTitle, withinDays, toDelegator);
        return new Text(Templates.title(item).render().strip(), Templates.body(item).render().strip());
    }

    public Text digest(String unitName, List<Line> lines) {
        return new Text(Templates.digestSubject(unitName, lines).render().strip(),
                Templates.digestBody(unitName, lines).render().strip());
    }

    public static String label(ReminderKind kind) {
        return switch (kind) {
            case DUE_SOON -> "即将到期";
            case DUE_TODAY -> "今日到期";
            case OVERDUE -> "已逾期";
            case ESCALATION -> "督办升级";
            case PROGRESS_REPORT_DUE -> "报送进展";
            case ACKNOWLEDGE_DUE -> "待签收";
            case MILESTONE_DUE -> "节点将到期";
            case MILESTONE_OVERDUE -> "节点已逾期";
            case URGE -> "催办";
            case WEBHOOK_DISABLED, CHANNEL_DISABLED -> "系统通知";
        };
    }

    static String shortRequirement(String requirement) {
        if (requirement == null || requirement.isBlank()) {
            return "";
        }
        String flat = requirement.replaceAll("\\s+", "");
        return flat.length() <= REQUIREMENT_LENGTH ? flat : flat.substring(0, REQUIREMENT_LENGTH) + "…";
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String period(Period p) {
        if (p == null || p.isZero()) {
            return "";
        }
        if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() + "年";
        }
        if (p.getDays() == 0) {
            return p.toTotalMonths() + "个月";
        }
        return p.getDays() % 7 == 0 && p.toTotalMonths() == 0 ? (p.getDays() / 7) + "周" : p.getDays() + "天";
    }
}
