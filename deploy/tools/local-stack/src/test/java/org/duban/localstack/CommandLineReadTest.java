package org.duban.localstack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the launcher reads a process's command line to tell whether a recorded pid is still the process it started. */
class CommandLineReadTest {

    @Test
    void aProcessWithACommandLineIsReadAtOnce() {
        Instant begin = Instant.now();
        assertTrue(Stack.commandLine(ProcessHandle.current()).contains("java"));
        assertTrue(Duration.between(begin, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0);
    }

    /**
     * A live process whose command line reads empty is read again, but not for ever: a zombie (exited, not yet
     * reaped by its parent) is alive to {@link ProcessHandle} and has no command line, like a JVM that sh is exec'ing.
     */
    @Test
    void anEmptyCommandLineIsReadAgainForTheGraceOnlyThenBelieved() throws Exception {
        // the exec'd sleep does not reap its child: the short sleep stays a zombie until the long one ends
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.1 & exec sleep 30").start();
        try {
            ProcessHandle zombie = awaitZombie(parent);
            Instant begin = Instant.now();
            assertEquals("", Stack.commandLine(zombie).trim());
            Duration took = Duration.between(begin, Instant.now());
            assertTrue(took.compareTo(Stack.EXEC_GRACE.minusMillis(200)) >= 0, "read again for the grace, took " + took);
            assertTrue(took.compareTo(Stack.EXEC_GRACE.plusSeconds(2)) < 0, "then believed, took " + took);
        } finally {
            parent.destroyForcibly();
            parent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static ProcessHandle awaitZombie(Process parent) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            List<ProcessHandle> children = parent.toHandle().children().toList();
            for (ProcessHandle child : children) {
                if (child.isAlive() && child.info().commandLine().orElse("").isEmpty() && child.info().command().isEmpty()) {
                    return child;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no zombie child of " + parent.pid() + " appeared");
    }
}
