package org.duban.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JDK's ahead-of-time cache (JEP 483, 514, 515) for a service: the first start of a build records
 * which classes it loads and links and how its methods behave ({@code -XX:AOTCacheOutput}, written when
 * the service exits cleanly); later starts map that instead of loading, linking and profiling again
 * ({@code -XX:AOTCache}). A rebuilt service (a jar newer than its cache) records afresh, and a cache the
 * JVM refused is dropped, so that the next start records a new one. {@code DUBAN_AOT=0} turns it off.
 */
final class AotCache {

    /**
     * What JDK 25 logs when it cannot use the cache it was given (other flags than at recording, a truncated
     * file…), e.g. {@code [warning][aot] Unable to use AOT cache.}; it then starts without it.
     */
    static final List<String> REFUSALS = List.of("Unable to use AOT cache", "An error has occurred while processing the AOT cache",
            "Unable to map shared spaces", "The AOT cache has been truncated");

    private final Path dir;
    private final boolean enabled;

    AotCache(Path dir, boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    Path cache(String service) {
        return dir.resolve(service + ".aot");
    }

    /** The JVM options for the next start of {@code service}, whose build is {@code jar}. */
    List<String> options(String service, Path jar) {
        if (!enabled) {
            return List.of();
        }
        Path cache = cache(service);
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(cache) && Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return List.of("-XX:AOTCache=" + cache);
            }
            Files.deleteIfExists(cache);
            // the training data a recording JVM writes next to the cache, left behind when it was killed while writing
            Files.deleteIfExists(cache.resolveSibling(cache.getFileName() + ".config"));
            return List.of("-XX:AOTCacheOutput=" + cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the start logged in {@code log} was given the cache; when it refused it, the cache is removed. */
    Optional<String> dropIfRefused(String service, Path log) {
        Path cache = cache(service);
        if (!Files.isRegularFile(cache) || !refused(log)) {
            return Optional.empty();
        }
        try {
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(service + " could not use its AOT cache; the next start records a new one");
    }

    static boolean refused(Path log) {
        if (!Files.isRegularFile(log)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> REFUSALS.stream().anyMatch(line::contains));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
