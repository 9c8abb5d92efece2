package org.duban.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildProcessTest {

    @TempDir
    Path dir;

    /** The launcher finds a detached component by its pid and command line: the wrapper must become the command. */
    @Test
    void aDetachedProcessKeepsItsPidAndShowsItsOwnCommandLine() throws Exception {
        // a duration no other process on the machine sleeps for: it marks this one
        String marker = "29." + (System.nanoTime() % 1_000_000);
        ChildProcess process = ChildProcess.builder("sleeper")
                .command(List.of("sleep", marker))
                .log(dir.resolve("sleeper.log"))
                .detached()
                .build();
        assertEquals(List.of("/bin/sh", "-c", "trap '' HUP INT; exec \"$@\"", "sh", "sleep", marker),
                ChildProcess.detachedCommand(process.command()));
        process.launch();
        try {
            ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
            // the shell became the command (exec): same pid, and no trace of the wrapper in the command line
            await().atMost(Duration.ofSeconds(10)).until(() -> Stack.commandLine(handle).endsWith("sleep " + marker)
                    && !Stack.commandLine(handle).contains("trap"));
            assertTrue(handle.isAlive());
            assertTrue(Files.readString(dir.resolve("sleeper.log")).startsWith("---- "), "the log names what was started");
        } finally {
            process.kill();
        }
        assertFalse(process.isAlive());
    }

    @Test
    void readinessFromTheLog() throws Exception {
        Path log = Files.writeString(dir.resolve("postgres.log"), "PostgreSQL listening on 127.0.0.1:5432\n");
        ChildProcess.Readiness ready = ChildProcess.Readiness.logLine(log, "READY");
        assertFalse(ready.ready());
        Files.writeString(log, "READY\n", java.nio.file.StandardOpenOption.APPEND);
        assertTrue(ready.ready());
        assertFalse(ready.and(() -> false).ready());
    }
}
