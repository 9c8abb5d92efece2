package org.duban.task.plan;

import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;

import java.util.List;

/**
 * Which levels of delegation (层层分解) the plan's figures count: the plan as the office issued it (depth 0, the
 * default: each unit's own share, as before anything was delegated, so nothing is counted twice), one level of
 * delegated work ({@code 1}: what the issued shares were delegated to, …), or every level ({@code all}).
 */
public record PlanDepth(Integer level) {

    public static final PlanDepth ISSUED = new PlanDepth(0);
    public static final PlanDepth ALL = new PlanDepth(null);

    /** {@code depth} as a query parameter: absent 0, {@code all}, or a level ≥ 0; otherwise 400. */
    public static PlanDepth parse(String depth) {
        if (depth == null || depth.isBlank()) {
            return ISSUED;
        }
        if ("all".equals(depth.trim())) {
            return ALL;
        }
        try {
            int level = Integer.parseInt(depth.trim());
            if (level >= 0 && level <= 50) {
                return new PlanDepth(level);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ProblemException.validation(List.of(new Problem.FieldError("depth",
                "must be all or a level from 0 (the plan as issued) to 50")));
    }

    /** The SQL condition over assignments {@code a}, with the parameter {@code :depth} when a level is chosen. */
    public String sql() {
        return level == null ? "" : " AND a.depth = :depth";
    }

    public jakarta.persistence.Query bind(jakarta.persistence.Query query) {
        return level == null ? query : query.setParameter("depth", level);
    }

    /** As the API echoes it. */
    public String label() {
        return level == null ? "all" : level.toString();
    }

    public boolean includes(int depth) {
        return level == null || level == depth;
    }
}
