package org.duban.task.importing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How big a plan one import may be, and how it is written. The limits are checked before anything is
 * stored (see {@link PlanLimits}); an import within them runs in memory that does not grow with the plan,
 * so they bound the import's time and its transaction, not the service's heap.
 */
@ConfigMapping(prefix = "duban.import")
public interface ImportConfig {

    /** Tasks (numbered rows) in one plan document. */
    @WithDefault("1000")
    int maxTasks();

    /** Assignments (unit shares) after the responsibility texts are resolved and groups expanded. */
    @WithDefault("125000")
    int maxAssignments();

    /** The document as uploaded (text, .docx or .xlsx). */
    @WithDefault("10M")
    MemorySize maxDocumentSize();

    /** Assignments written (with their events and feed entries) before the persistence context is cleared. */
    @WithDefault("500")
    int batchSize();

    /** The one transaction that stores a plan; it must hold the largest plan the limits allow. */
    @WithDefault("10m")
    Duration transactionTimeout();
}
