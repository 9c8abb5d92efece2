package org.duban.task.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.duban.events.AssignmentEvent;
import org.duban.task.plan.PlanCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change in the unit registry does to the unit's assignments (not those replaced by named units):
 * a rename reaches every one of them, completed work included (the ledger names the unit as it is called
 * now; the history keeps the old name); a deactivation flags the work not yet completed for the office
 * ({@code reviewNeeded}, {@link ReviewReasons#UNIT_DEACTIVATED}), and a reactivation lifts that flag
 * again. Each changed assignment is a change like any other: its version grows, its history, the event
 * {@code duban.assignment.unit-updated} and the OA sync feed say what happened; its status stays.
 * Called inside the transaction that records the registry's event; each condition is checked on the
 * locked rows, so running a change twice changes nothing the second time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class UnitChanges {

    /** Assignments changed, announced and dropped from the persistence context at a time. */
    static final int CHUNK = 500;

    private final EntityManager em;
    private final AssignmentJournal journal;
    private final PlanCalendar calendar;

    UnitChanges(EntityManager em, AssignmentJournal journal, PlanCalendar calendar) {
        this.em = em;
        this.journal = journal;
        this.calendar = calendar;
    }

    /** The unit is now called {@code name}; the number of assignments renamed. */
    public int renamed(String unitCode, String name) {
        int changed = 0;
        for (List<Long> chunk : chunks(ids("a.unitName <> :name", unitCode, Map.of("name", name)))) {
            Map<String, List<Assignment>> byOldName = new LinkedHashMap<>();
            Instant now = calendar.now();
            for (Assignment a : locked(chunk)) {
                if (!a.unitName.equals(name)) {
                    byOldName.computeIfAbsent(a.unitName, old -> new ArrayList<>()).add(a);
                    a.unitName = name;
                    a.updatedAt = now;
                    changed++;
                }
            }
            byOldName.forEach((old, renamed) -> journal.unitUpdated(renamed, AssignmentEvent.UnitUpdated.RENAMED, old, name,
                    "责任单位名称由“" + old + "”变更为“" + name + "”"));
            forget();
        }
        return changed;
    }

    /** The unit was deactivated: its work not yet completed needs the office; the number flagged. */
    public int deactivated(String unitCode) {
        int changed = 0;
        for (List<Long> chunk : chunks(ids("a.status <> :completed", unitCode, Map.of("completed", AssignmentStatus.COMPLETED)))) {
            List<Assignment> flagged = new ArrayList<>();
            Instant now = calendar.now();
            for (Assignment a : locked(chunk)) {
                if (a.status != AssignmentStatus.COMPLETED && !ReviewReasons.contains(a.reviewReason, ReviewReasons.UNIT_DEACTIVATED)) {
                    a.reviewNeeded = true;
                    a.reviewReason = ReviewReasons.with(a.reviewReason, ReviewReasons.UNIT_DEACTIVATED);
                    a.updatedAt = now;
                    flagged.add(a);
                }
            }
            journal.unitUpdated(flagged, AssignmentEvent.UnitUpdated.DEACTIVATED, null, null,
                    "责任单位已在单位名录中撤销，待督办机构重新明确承办单位");
            changed += flagged.size();
            forget();
        }
        return changed;
    }

    /** The unit is active again: what its deactivation flagged no longer needs the office for that reason. */
    public int reactivated(String unitCode) {
        int changed = 0;
        for (List<Long> chunk : chunks(ids("a.reviewReason like :reason", unitCode,
                Map.of("reason", "%" + ReviewReasons.UNIT_DEACTIVATED + "%")))) {
            List<Assignment> lifted = new ArrayList<>();
            Instant now = calendar.now();
            for (Assignment a : locked(chunk)) {
                if (ReviewReasons.contains(a.reviewReason, ReviewReasons.UNIT_DEACTIVATED)) {
                    a.reviewReason = ReviewReasons.without(a.reviewReason, ReviewReasons.UNIT_DEACTIVATED);
                    a.reviewNeeded = a.reviewReason != null;
                    a.updatedAt = now;
                    lifted.add(a);
                }
            }
            journal.unitUpdated(lifted, AssignmentEvent.UnitUpdated.REACTIVATED, null, null, "责任单位已在单位名录中恢复");
            changed += lifted.size();
            forget();
        }
        return changed;
    }

    /** The ids of the unit's current assignments that meet {@code condition}, in id order (the order they are locked in). */
    private List<Long> ids(String condition, String unitCode, Map<String, Object> parameters) {
        var query = em.createQuery("select a.id from Assignment a where a.unitCode = :code and a.superseded = false and "
                + condition + " order by a.id", Long.class).setParameter("code", unitCode);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private List<Assignment> locked(List<Long> ids) {
        return em.createQuery("from Assignment a where a.id in :ids order by a.id", Assignment.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    private void forget() {
        em.flush();
        em.clear();
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
