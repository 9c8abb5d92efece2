package org.duban.task.domain;

import java.util.List;
import java.util.Objects;

/**
 * A plan document read and checked. Tasks that could be read are kept even when there are
 * problems, so that a report can show both.
 */
public record ParsedPlan(PlanMetadata metadata, List<ParsedTask> tasks, List<LineProblem> problems) {

    public ParsedPlan {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
    }

    /** True when the plan can be imported as it is. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The categories in document order, each once. */
    public List<Heading> categories() {
        return tasks.stream().map(ParsedTask::category).filter(Objects::nonNull).distinct().toList();
    }
}
