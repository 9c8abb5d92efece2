package org.duban.reminder.replica;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.CopiedAssignments.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run reads from the replica: only open assignments, of the policy's plans, due on the dates asked for. */
@QuarkusTest
class OpenAssignmentsTest {

    static final long FIRST = 8_100_000_001L;
    static final long LAST = 8_100_000_099L;
    static final long PLAN = 810_001;
    static final long OTHER_PLAN = 810_002;
    static final LocalDate DUE = LocalDate.of(2031, 6, 30);

    @Inject
    OpenAssignments assignments;
    @Inject
    CopiedAssignments copies;

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
    }

    @Test
    void aCompletedSubmittedOrReplacedAssignmentOrOneWithoutAUnitIsNoCandidate() {
        copies.insert(
                Row.open(FIRST, PLAN, 81_001, "gov-340100", DUE),
                Row.open(FIRST + 1, PLAN, 81_001, "gov-340200", DUE).status("IN_PROGRESS"),
                Row.open(FIRST + 2, PLAN, 81_001, "gov-340300", DUE).status("SUBMITTED"),
                Row.open(FIRST + 3, PLAN, 81_001, "gov-340400", DUE).status("COMPLETED"),
                Row.open(FIRST + 4, PLAN, 81_001, "gov-340500", DUE).replaced(),
                Row.open(FIRST + 5, PLAN, 81_001, "gov-340600", DUE).unit(null, null));

        assertEquals(List.of(FIRST, FIRST + 1), ids(read(() -> assignments.dueOn(PlanScope.only(PLAN), Set.of(DUE)))));
    }

    @Test
    void onlyTheDueDatesAskedForAndTheScopesPlans() {
        copies.insert(
                Row.open(FIRST, PLAN, 81_001, "gov-340100", DUE),
                Row.open(FIRST + 1, PLAN, 81_002, "gov-340100", DUE.plusDays(1)),
                Row.open(FIRST + 2, PLAN, 81_003, "gov-340100", DUE.minusDays(7)),
                Row.open(FIRST + 3, OTHER_PLAN, 81_004, "gov-340100", DUE));

        assertEquals(List.of(FIRST, FIRST + 2),
                ids(read(() -> assignments.dueOn(PlanScope.only(PLAN), Set.of(DUE, DUE.minusDays(7))))));
        assertEquals(List.of(FIRST + 3), ids(read(() -> assignments.dueOn(PlanScope.only(OTHER_PLAN), Set.of(DUE)))));
        // the default policy: every plan without its own
        assertEquals(List.of(FIRST + 3), ids(read(() -> assignments.dueOn(PlanScope.allBut(List.of(PLAN)), Set.of(DUE)))));
        assertEquals(List.of(FIRST, FIRST + 3), ids(read(() -> assignments.dueOn(PlanScope.allBut(List.of()), Set.of(DUE)))));
        assertEquals(List.of(), read(() -> assignments.dueOn(PlanScope.only(PLAN), Set.of())));
    }

    @Test
    void aCandidateCarriesWhatItsRemindersSay() {
        copies.insert(Row.open(FIRST, PLAN, 81_039, "gov-340100", DUE).unit("gov-340100", "合肥市人民政府"));

        OpenAssignment a = read(() -> assignments.dueOn(PlanScope.only(PLAN), Set.of(DUE))).get(0);
        assertEquals(new OpenAssignment(FIRST, PLAN, 81_039, 39, "认真分析研究评估指出的问题，开展全面排查和整改提升", "gov-340100",
                "合肥市人民政府", DUE), a);
    }

    @Test
    void theEarliestDueDateIsThatOfAnOpenAssignment() {
        copies.insert(
                Row.open(FIRST, PLAN, 81_001, "gov-340100", DUE),
                Row.open(FIRST + 1, PLAN, 81_001, "gov-340200", DUE.minusYears(1)).status("COMPLETED"),
                Row.open(FIRST + 2, PLAN, 81_002, "gov-340100", DUE.plusDays(3)),
                Row.open(FIRST + 3, PLAN, 81_003, "gov-340100", null).ongoing(DUE.minusYears(2), null));

        assertEquals(Optional.of(DUE), read(() -> assignments.earliestDueDate(PlanScope.only(PLAN))));
        assertEquals(Optional.empty(), read(() -> assignments.earliestDueDate(PlanScope.only(OTHER_PLAN))));
    }

    @Test
    void ongoingWorkIsReadByTheDayItBeganWithItsLastReport() {
        LocalDate began = LocalDate.of(2031, 3, 2);
        Instant reported = Instant.parse("2031-04-10T02:00:00Z");
        copies.insert(
                Row.open(FIRST, PLAN, 81_001, "gov-340100", null).ongoing(began, reported),
                Row.open(FIRST + 1, PLAN, 81_001, "gov-340200", null).ongoing(began, null).status("IN_PROGRESS"),
                Row.open(FIRST + 2, PLAN, 81_001, "gov-340300", null).ongoing(began.plusDays(1), null).status("COMPLETED"),
                Row.open(FIRST + 3, PLAN, 81_002, "gov-340100", null).ongoing(began.plusDays(2), null),
                // a fixed due date: reminded by it, not asked for reports
                new Row(FIRST + 4, PLAN, 81_003, 3, "按期完成", "gov-340100", "合肥市人民政府", "RESPONSIBLE", began.plusDays(90),
                        "NOT_STARTED", true, began.plusDays(3), null, null),
                Row.open(FIRST + 5, OTHER_PLAN, 81_004, "gov-340100", null).ongoing(began.plusDays(4), null));

        assertEquals(Set.of(began, began.plusDays(2)), read(() -> assignments.ongoingStartDays(PlanScope.only(PLAN))));
        List<OngoingAssignment> started = read(() -> assignments.ongoingStartedOn(PlanScope.only(PLAN), Set.of(began)));
        assertEquals(List.of(FIRST, FIRST + 1), started.stream().map(o -> o.assignment().id()).sorted().toList());
        OngoingAssignment reporting = started.stream().filter(o -> o.assignment().id() == FIRST).findFirst().orElseThrow();
        assertEquals(began, reporting.startedOn());
        assertEquals(reported, reporting.lastProgressAt());
        assertEquals(null, reporting.assignment().dueDate());
        assertTrue(started.stream().anyMatch(o -> o.assignment().id() == FIRST + 1 && o.lastProgressAt() == null));
        assertEquals(List.of(), read(() -> assignments.ongoingStartedOn(PlanScope.only(PLAN), Set.of())));
    }

    @Test
    void itReadsOnlyInsideARunsTransaction() {
        assertThrows(RuntimeException.class, () -> assignments.earliestDueDate(PlanScope.only(PLAN)));
    }

    private static <T> T read(java.util.concurrent.Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }

    private static List<Long> ids(List<OpenAssignment> found) {
        return found.stream().map(OpenAssignment::id).filter(id -> id >= FIRST && id <= LAST).sorted().toList();
    }
}
