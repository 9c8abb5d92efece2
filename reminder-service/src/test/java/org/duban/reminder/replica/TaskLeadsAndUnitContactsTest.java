package org.duban.reminder.replica;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.reminder.CopiedAssignments;
import org.duban.reminder.CopiedAssignments.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who else an escalation reaches, as the replica knows it: the task's lead units and the office's name. */
@QuarkusTest
class TaskLeadsAndUnitContactsTest {

    static final long FIRST = 8_200_000_001L;
    static final long LAST = 8_200_000_099L;
    static final long PLAN = 820_001;
    static final long TASK = 82_001;
    static final long OTHER_TASK = 82_002;
    static final LocalDate DUE = LocalDate.of(2031, 6, 30);

    @Inject
    TaskLeads leads;
    @Inject
    UnitContacts units;
    @Inject
    CopiedAssignments copies;
    @Inject
    EntityManager em;

    @AfterEach
    void forget() {
        copies.forget(FIRST, LAST);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM unit_contact WHERE code = 'test-820-office'")
                .executeUpdate());
    }

    @Test
    void theLeadUnitsOfATaskWhateverTheirOwnStatusButNotReplacedOnes() {
        copies.insert(
                Row.open(FIRST, PLAN, TASK, "ah-sjj", DUE).unit("ah-sjj", "省数据资源局").lead().status("COMPLETED"),
                Row.open(FIRST + 1, PLAN, TASK, "ah-fgw", DUE).unit("ah-fgw", "省发展改革委").lead(),
                Row.open(FIRST + 2, PLAN, TASK, "ah-jyt", DUE).unit("ah-jyt", "省教育厅").lead().replaced(),
                Row.open(FIRST + 3, PLAN, TASK, "gov-340100", DUE).unit("gov-340100", "合肥市人民政府"),
                Row.open(FIRST + 4, PLAN, OTHER_TASK, "gov-340100", DUE),
                // the same lead unit on two assignments of the task: listed once
                Row.open(FIRST + 5, PLAN, TASK, "ah-fgw", DUE.plusDays(30)).unit("ah-fgw", "省发展改革委").lead());

        Map<Long, List<Unit>> found = QuarkusTransaction.requiringNew().call(() -> leads.of(List.of(TASK, OTHER_TASK)));
        assertEquals(Map.of(TASK, List.of(new Unit("ah-fgw", "省发展改革委"), new Unit("ah-sjj", "省数据资源局"))), found,
                "ordered by code; a task without a lead unit is absent");
        assertEquals(Map.of(), QuarkusTransaction.requiringNew().call(() -> leads.of(List.of())));
    }

    @Test
    void aUnitGoesByItsNameOrItsCodeWhenNotHeardOfYet() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO unit_contact (code, name, email, active, version, updated_at)
                        VALUES ('test-820-office', '省政务公开办', NULL, true, 1, now())""").executeUpdate());

        assertEquals(new Unit("test-820-office", "省政务公开办"),
                QuarkusTransaction.requiringNew().call(() -> units.unit("test-820-office")));
        assertEquals(new Unit("test-820-nobody", "test-820-nobody"),
                QuarkusTransaction.requiringNew().call(() -> units.unit("test-820-nobody")));
    }
}
