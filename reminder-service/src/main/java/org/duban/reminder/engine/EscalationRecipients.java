package org.duban.reminder.engine;

import org.duban.reminder.replica.Unit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which units hear an escalation: the assignment's unit, the task's lead units and the supervising office
 * ({@code duban.reminders.office-unit}) — each once, the unit first, then the leads by code, then the
 * office. Delegated work (层层分解) escalates one level up the tree instead: to its unit and the unit that delegated
 * it, which supervises it as the office supervises the office's plan; the office and the task's leads hear of it
 * through the parent assignment's own escalation, by these same rules, once the parent is overdue too. Pure.
 */
public final class EscalationRecipients {

    private EscalationRecipients() {
    }

    /**
     * @param unit      the escalated assignment's unit, under the name its assignment gives it
     * @param taskLeads the task's lead units in order (a unit listed twice keeps its place and its last name)
     * @param office    the supervising office; a lead that is the office goes by the office's name
     */
    public static List<Unit> of(Unit unit, List<Unit> taskLeads, Unit office) {
        return of(unit, taskLeads, office, null);
    }

    /**
     * @param delegator the unit that delegated the assignment; null for an assignment of the office's own plan
     */
    public static List<Unit> of(Unit unit, List<Unit> taskLeads, Unit office, Unit delegator) {
        if (delegator != null) {
            return delegator.code().equals(unit.code()) ? List.of(unit) : List.of(unit, delegator);
        }
        Map<String, String> also = new LinkedHashMap<>();
        for (Unit lead : taskLeads) {
            also.put(lead.code(), lead.name());
        }
        also.put(office.code(), office.name());
        also.remove(unit.code());
        List<Unit> recipients = new ArrayList<>(also.size() + 1);
        recipients.add(unit);
        also.forEach((code, name) -> recipients.add(new Unit(code, name)));
        return recipients;
    }
}
