package org.duban.task.score;

import org.duban.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the 100 points of a score are shared among its four parts. */
@Schema(name = "ScoreWeights", description = "The four parts of a score; non-negative whole numbers that add up to 100")
public record Weights(
        @Schema(description = "按时办结: completed on time among the assignments that fell due or were completed", example = "40")
        Integer completion,
        @Schema(description = "逾期: lost in proportion to overdue days (each assignment up to the cap)", example = "30")
        Integer overdue,
        @Schema(description = "按时签收: signed for within the working days set", example = "15")
        Integer acknowledge,
        @Schema(description = "按期报送: a progress report in every reporting period that ended while the work was open", example = "15")
        Integer reports) {

    /** What is wrong with these weights, as field errors under {@code prefix} (empty when they are fine). */
    public List<Problem.FieldError> problems(String prefix) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put("completion", completion);
        parts.put("overdue", overdue);
        parts.put("acknowledge", acknowledge);
        parts.put("reports", reports);
        List<Problem.FieldError> errors = new ArrayList<>();
        int sum = 0;
        for (Map.Entry<String, Integer> part : parts.entrySet()) {
            if (part.getValue() == null) {
                errors.add(new Problem.FieldError(prefix + "." + part.getKey(), "is required (权重不能为空)"));
            } else if (part.getValue() < 0 || part.getValue() > 100) {
                errors.add(new Problem.FieldError(prefix + "." + part.getKey(),
                        "must be a whole number from 0 to 100 (权重应为0至100之间的整数)"));
            } else {
                sum += part.getValue();
            }
        }
        if (errors.isEmpty() && sum != 100) {
            errors.add(new Problem.FieldError(prefix, "must add up to 100, not " + sum + " (各项权重之和应为100，当前为" + sum + ")"));
        }
        return errors;
    }

    int sum() {
        return completion + overdue + acknowledge + reports;
    }
}
