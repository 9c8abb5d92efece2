package org.duban.task.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.task.domain.Task;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Task")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(
        long id,
        long planId,
        @Schema(example = "4") int number,
        HeadingView category,
        HeadingView subcategory,
        @Schema(example = "建立市场主体反映投资和工程建设项目审批问题的办理和反馈机制……") String requirement,
        @Schema(example = "省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实") String responsibilityText,
        DeadlineView deadline,
        List<AssignmentView> assignments) {

    @Schema(name = "Heading")
    public record HeadingView(@Schema(example = "1") int ordinal, @Schema(example = "加强经济领域信息公开，全力营造平稳健康的经济环境。") String title) {
    }

    @Schema(name = "Deadline")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeadlineView(@Schema(enumeration = {"FIXED", "ONGOING"}) String kind,
                               @Schema(example = "2022-12-31") LocalDate dueDate,
                               @Schema(example = "年底前") String text,
                               @Schema(description = "The text could not be read with certainty") boolean reviewNeeded) {
    }

    public static TaskView of(Task task, List<AssignmentView> assignments) {
        return new TaskView(task.id, task.planId, task.number,
                new HeadingView(task.categoryOrdinal, task.categoryTitle),
                task.subcategoryOrdinal == null ? null : new HeadingView(task.subcategoryOrdinal, task.subcategoryTitle),
                task.requirement, task.responsibilityText,
                new DeadlineView(task.deadlineKind.name(), task.dueDate, task.deadlineText, task.deadlineReviewNeeded),
                assignments);
    }
}
