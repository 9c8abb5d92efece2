package org.duban.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds what is stale before a start: one {@code ./mvnw -q -B -DskipTests package -pl <modules> -am}
 * for all of them, logged to {@code $DUBAN_HOME/logs/build.log}, saying what is rebuilt and why.
 */
final class Build {

    private final Stack stack;

    Build(Stack stack) {
        this.stack = stack;
    }

    /** The modules among {@code modules} that need building, with the reason. */
    Map<String, String> stale(List<String> modules) {
        Map<String, String> stale = new LinkedHashMap<>();
        for (String module : modules) {
            stack.staleness.reason(module).ifPresent(reason -> stale.put(module, reason));
        }
        return stale;
    }

    /** Builds the stale ones among {@code modules}; {@code extra} are more Maven arguments. */
    void ifStale(List<String> modules, List<String> extra) {
        Map<String, String> stale = stale(modules);
        if (stale.isEmpty()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        stale.forEach((module, reason) -> reasons.add(module + ": " + reason));
        Path log = stack.logs.resolve("build.log");
        List<String> command = new ArrayList<>(List.of(mvnw(), "-q", "-B", "-DskipTests"));
        command.addAll(extra);
        command.addAll(List.of("package", "-pl", String.join(",", stale.keySet()), "-am"));
        stack.info("building " + String.join(", ", stale.keySet()) + " (" + String.join("; ", reasons) + ")");
        stack.info("  ./mvnw " + String.join(" ", command.subList(1, command.size()))
                + " (a first build downloads dependencies and takes a few minutes); log: " + log);
        run(command, log, "the build failed (" + String.join(" ", command) + ")");
        stale.keySet().forEach(stack.staleness::stamp);
        List<String> still = new ArrayList<>();
        for (String module : stale.keySet()) {
            stack.staleness.reason(module).ifPresent(reason -> still.add(module + " (" + reason + ")"));
        }
        if (!still.isEmpty()) {
            throw new LauncherException("the build finished but these are still not built: " + String.join(", ", still));
        }
    }

    String mvnw() {
        return stack.root.resolve("mvnw").toString();
    }

    /** Runs a Maven command in the checkout, output to {@code log}; on failure shows the log's end and stops. */
    void run(List<String> command, Path log, String failure) {
        try {
            java.nio.file.Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(command).directory(stack.root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (p.waitFor() != 0) {
                stack.err.println(ChildProcess.tail(log, 30));
                throw new LauncherException(failure + "; full log: " + log);
            }
        } catch (IOException e) {
            throw new LauncherException(failure + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    /** The reason a module is stale, for messages. */
    Optional<String> reason(String module) {
        return stack.staleness.reason(module);
    }
}
