package org.duban.systemtest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test fails, the end of every process's log goes to the report next to the failure. */
final class StackLogsOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (SystemStack.isStarted()) {
            System.err.println("---- " + context.getDisplayName() + " failed: the end of each process's log ----"
                    + SystemStack.get().tails(60));
        }
    }
}
