package org.duban.task.api;

/** The sample plan for tests outside this package. */
public final class SamplePlanAccess {

    private SamplePlanAccess() {
    }

    public static long id() {
        return SamplePlan.id();
    }
}
