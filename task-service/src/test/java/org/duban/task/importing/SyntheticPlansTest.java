package org.duban.task.importing;

import org.duban.testsupport.SyntheticPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generated plans read as the import reads a real one: every task, numbered in order, with its headings. */
class SyntheticPlansTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 1000, 1001})
    void aGeneratedPlanReadsWithoutProblems(int tasks) {
        String text = new String(SyntheticPlans.text("皖政办〔2022〕7号", tasks), StandardCharsets.UTF_8);
        ParsedPlan plan = new PlanAssembler().assemble(new PlanTextReader().read(text));

        assertEquals(List.of(), plan.problems());
        assertEquals("皖政办〔2022〕7号", plan.metadata().documentNumber());
        assertEquals(2022, plan.metadata().year());
        assertEquals(IntStream.rangeClosed(1, tasks).boxed().toList(), plan.tasks().stream().map(ParsedTask::number).toList());
        assertEquals((tasks - 1) / 100 + 1, plan.tasks().stream().map(t -> t.category().ordinal()).distinct().count());
        ParsedTask last = plan.tasks().get(tasks - 1);
        assertEquals((tasks - 1) / 10 % 10 + 1, last.subcategory().ordinal());
        assertEquals(SyntheticPlans.lead(tasks) + "牵头，" + SyntheticPlans.COUNTIES + "负责落实", last.responsibilityText());
    }
}
