package org.duban.reminder.engine;

import org.duban.reminder.replica.OpenAssignment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every replica records a run's reminders in one order, whatever order it found them in: two replicas
 * running at once then wait on each other's keys instead of deadlocking.
 */
class OwedOrderTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # by assignment id, as a number
            12 OVERDUE 2022-07-08, 3 OVERDUE 2022-07-08, 100 OVERDUE 2022-07-08 | 3 OVERDUE 2022-07-08, 12 OVERDUE 2022-07-08, 100 OVERDUE 2022-07-08
            # then by kind
            7 OVERDUE 2022-07-08, 7 ESCALATION 2022-07-14                       | 7 ESCALATION 2022-07-14, 7 OVERDUE 2022-07-08
            7 PROGRESS_REPORT_DUE 2022-09-06, 7 DUE_TODAY 2022-06-30, 7 DUE_SOON 2022-06-29 | 7 DUE_SOON 2022-06-29, 7 DUE_TODAY 2022-06-30, 7 PROGRESS_REPORT_DUE 2022-09-06
            # then by occasion
            7 OVERDUE 2022-07-15, 7 OVERDUE 2022-07-08, 5 DUE_SOON 2022-07-01  | 5 DUE_SOON 2022-07-01, 7 OVERDUE 2022-07-08, 7 OVERDUE 2022-07-15
            """)
    void byAssignmentKindAndOccasion(String found, String recorded) {
        List<Owed> owed = new ArrayList<>(parse(found));
        owed.sort(Owed.PROCESSING_ORDER);
        assertEquals(parse(recorded), owed);
        List<Owed> reversed = new ArrayList<>(parse(found).reversed());
        reversed.sort(Owed.PROCESSING_ORDER);
        assertEquals(parse(recorded), reversed, "the same order from any starting order");
    }

    private static List<Owed> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).map(item -> {
            String[] f = item.split(" ");
            long id = Long.parseLong(f[0]);
            OpenAssignment a = new OpenAssignment(id, 1, 1, 39, "整改提升", "gov-340100", "合肥市人民政府", LocalDate.of(2022, 6, 30));
            return new Owed(a, new Occasion(ReminderKind.valueOf(f[1]), LocalDate.parse(f[2])));
        }).toList();
    }
}
