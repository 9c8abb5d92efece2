package org.duban.task.milestone;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.duban.task.assignment.Assignment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The bodies clients send about milestones. */
public final class MilestoneRequests {

    private MilestoneRequests() {
    }

    @Schema(name = "MilestoneRequest", description = "A milestone to set on one assignment, or its new title and due date")
    public record Milestone(@NotBlank @Size(max = 200) @Schema(example = "报送工作方案") String title,
                            @NotNull @Schema(description = "No later than the assignment's due date", example = "2022-07-06")
                            LocalDate dueDate) {
    }

    @Schema(name = "TaskMilestoneRequest", description = "One milestone on each open assignment of a task, or only on those "
            + "of one role")
    public record TaskMilestone(@NotBlank @Size(max = 200) @Schema(example = "报送工作方案") String title,
                                @NotNull @Schema(description = "No later than the due date of any assignment it goes on",
                                        example = "2022-07-06") LocalDate dueDate,
                                @Schema(description = "Only the assignments of this role (LEAD: the lead units); "
                                        + "absent: every role") Assignment.Role role) {
    }

    @Schema(name = "MilestoneCompletion", description = "The unit reports a milestone done")
    public record Completion(@Size(max = 2000) @Schema(example = "工作方案已于7月5日报送省政务公开办") String note,
                             @Size(max = 50) @Schema(description = "Evidence (佐证材料): ids of attachments uploaded to the "
                                     + "assignment", example = "[501]") List<@NotNull @Positive Long> attachmentIds) {
    }
}
