package org.duban.task.assignment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The events and the sync feed carry the journal's snapshot; API.md wants it to read as the REST view. */
class AssignmentSnapshotTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theSnapshotWritesTheSameJsonAsTheRestView() throws Exception {
        List<AssignmentSnapshot> assignments = List.of(
                new AssignmentSnapshot(1042, 7, 1, 4, "gov-340100", "合肥市人民政府", "cities", "司法局", "RESPONSIBLE",
                        LocalDate.parse("2022-12-31"), AssignmentStatus.IN_PROGRESS, true, false, 60,
                        Instant.parse("2022-07-01T02:00:00Z"), Instant.parse("2022-07-01T02:00:00Z"), 3),
                new AssignmentSnapshot(1043, 7, 1, 4, null, "省政府各有关部门", "provincial-related-departments", null, "LEAD",
                        null, AssignmentStatus.NOT_STARTED, false, true, null, null, Instant.parse("2022-06-06T00:00:00Z"), 0));
        for (AssignmentSnapshot assignment : assignments) {
            assertEquals(json.writeValueAsString(AssignmentView.of(assignment)), json.writeValueAsString(assignment));
        }
    }
}
