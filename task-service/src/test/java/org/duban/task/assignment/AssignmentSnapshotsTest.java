package org.duban.task.assignment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.duban.events.AssignmentSnapshot;
import org.duban.events.MilestoneSnapshot;
import org.duban.task.milestone.MilestoneView;
import org.duban.task.plan.DeadlineKind;
import org.duban.task.plan.TaskFacts;
import org.duban.testsupport.EventSamples;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The events' assignment is the REST API's, field for field, plus the task's two fields. */
class AssignmentSnapshotsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theSnapshotHasEveryFieldOfTheRestViewAndTheTasksTwo() {
        SortedSet<String> expected = new TreeSet<>(EventSamples.fieldNames(AssignmentView.class));
        expected.addAll(List.of("taskRequirement", "deadlineKind"));
        assertEquals(expected, EventSamples.fieldNames(AssignmentSnapshot.class),
                "a field of the REST view missing from the event (or one too many): add it to AssignmentSnapshot");
    }

    @Test
    void theMilestoneOfTheEventsIsTheRestViewFieldForField() {
        assertEquals(EventSamples.fieldNames(MilestoneView.class), EventSamples.fieldNames(MilestoneSnapshot.class),
                "a field of the REST view missing from the event (or one too many): add it to MilestoneSnapshot");
        MilestoneView view = new MilestoneView(12, 1042, "报送工作方案", LocalDate.parse("2022-07-06"), "DONE", false, "OFFICE",
                Instant.parse("2022-07-05T06:00:00Z"), "hefei", "工作方案已报送", List.of(501L, 502L), "office",
                Instant.parse("2022-06-06T02:00:00Z"), Instant.parse("2022-07-05T06:00:00Z"), 1);
        assertEquals(json.valueToTree(view), json.valueToTree(view.snapshot()));
    }

    @Test
    void everyValueOfTheViewLandsInItsOwnField() {
        AssignmentView view = new AssignmentView(1042, 7, 1, 4, "gov-340100", "合肥市人民政府", "cities", "司法局", "LEAD",
                LocalDate.parse("2022-12-31"), AssignmentStatus.SUBMITTED, true, true,
                "时限要求“按要求推进”不明确，请明确完成时限", 60,
                Instant.parse("2022-06-15T07:00:00.123456Z"), Instant.parse("2022-06-07T01:00:00Z"), "hefei",
                1001L, "gov-340000", 1, 3, 2, Instant.parse("2022-06-20T03:00:00Z"), 5);
        var task = new TaskFacts.Facts("建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制。", DeadlineKind.FIXED);

        ObjectNode event = json.valueToTree(AssignmentSnapshots.of(view, task));
        assertEquals(task.requirement(), event.remove("taskRequirement").asText());
        assertEquals("FIXED", event.remove("deadlineKind").asText());
        assertEquals(json.valueToTree(view), event);
    }
}
