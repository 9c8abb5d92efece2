package org.duban.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AotCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFirstStartOfABuildRecords() throws IOException {
        AotCache aot = new AotCache(dir.resolve("aot"), true);
        Path jar = touch(dir.resolve("quarkus-run.jar"), 0);
        assertEquals(List.of("-XX:AOTCacheOutput=" + dir.resolve("aot/unit-service.aot")), aot.options("unit-service", jar));
    }

    @Test
    void laterStartsUseTheCacheTheFirstOneWrote() throws IOException {
        AotCache aot = new AotCache(dir, true);
        Path jar = touch(dir.resolve("quarkus-run.jar"), 0);
        touch(aot.cache("unit-service"), 60);
        assertEquals(List.of("-XX:AOTCache=" + aot.cache("unit-service")), aot.options("unit-service", jar));
    }

    @Test
    void aRebuiltServiceRecordsAfresh() throws IOException {
        AotCache aot = new AotCache(dir, true);
        touch(aot.cache("unit-service"), 60);
        Path jar = touch(dir.resolve("quarkus-run.jar"), 120);
        assertEquals(List.of("-XX:AOTCacheOutput=" + aot.cache("unit-service")), aot.options("unit-service", jar));
        assertFalse(Files.exists(aot.cache("unit-service")), "the old cache is gone, so a failed recording leaves none");
    }

    @Test
    void anEmptyCacheIsRecordedAgain() throws IOException {
        AotCache aot = new AotCache(dir, true);
        Path jar = touch(dir.resolve("quarkus-run.jar"), 0);
        Files.writeString(aot.cache("gateway"), "");
        Files.setLastModifiedTime(aot.cache("gateway"), FileTime.from(T0.plusSeconds(60)));
        assertEquals(List.of("-XX:AOTCacheOutput=" + aot.cache("gateway")), aot.options("gateway", jar));
    }

    @Test
    void offMeansNoOption() throws IOException {
        AotCache aot = new AotCache(dir, false);
        Path jar = touch(dir.resolve("quarkus-run.jar"), 0);
        touch(aot.cache("gateway"), 60);
        assertEquals(List.of(), aot.options("gateway", jar));
        assertTrue(Files.exists(aot.cache("gateway")), "turning it off keeps the cache for later");
    }

    @Test
    void aCacheTheJvmRefusedIsDropped() throws IOException {
        AotCache aot = new AotCache(dir, true);
        touch(aot.cache("task-service"), 60);
        Path log = dir.resolve("task-service.log");
        // what JDK 25 printed for a cache recorded with other flags
        Files.writeString(log, """
                [0.036s][warning][aot] Unable to use AOT cache.
                [                    ] The AOT cache's UseCompactObjectHeaders setting (enabled) does not equal the current UseCompactObjectHeaders setting (disabled).
                [0.036s][error  ][aot] An error has occurred while processing the AOT cache. Run with -Xlog:aot for details.
                __  ____  __  _____   ___  __ ____  ______
                """);
        assertEquals(Optional.of("task-service could not use its AOT cache; the next start records a new one"),
                aot.dropIfRefused("task-service", log));
        assertFalse(Files.exists(aot.cache("task-service")));
    }

    @Test
    void aCacheTheJvmTookIsKept() throws IOException {
        AotCache aot = new AotCache(dir, true);
        touch(aot.cache("task-service"), 60);
        Path log = Files.writeString(dir.resolve("task-service.log"), "INFO  [io.quarkus] task-service started in 1.9s\n");
        assertEquals(Optional.empty(), aot.dropIfRefused("task-service", log));
        assertTrue(Files.exists(aot.cache("task-service")));
    }

    private static Path touch(Path file, int secondsAfterT0) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(T0.plusSeconds(secondsAfterT0)));
        return file;
    }
}
