package org.duban.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a module's build is older than its code. A module is stale when its build output is missing,
 * or when a file it is built from — under its {@code src/main}, its {@code pom.xml}, the same of every
 * Duban library it links, and the parent {@code pom.xml} — is newer than the build. Tests are left out:
 * they are not in the package. The build's time is its output's (a service's
 * {@code target/quarkus-app/quarkus-run.jar}, a plain module's newest file in {@code target/classes}) or
 * the stamp {@code target/duban-built} that {@code ./duban} writes after it built the module, the later of
 * the two (a rebuild that changed nothing may leave the output as it was).
 */
final class Staleness {

    /** The Duban modules each module links directly (test scope aside), by path; a test holds it against the poms. */
    static final Map<String, List<String>> LIBRARIES = libraries();

    static final String STAMP = "target/duban-built";

    private final Path root;

    Staleness(Path root) {
        this.root = root;
    }

    private static Map<String, List<String>> libraries() {
        Map<String, List<String>> libs = new LinkedHashMap<>();
        libs.put("deploy/libs/verified-tokens", List.of());
        libs.put("deploy/libs/platform", List.of("deploy/libs/verified-tokens"));
        libs.put("deploy/tools/local-stack", List.of());
        libs.put(StackProcesses.UNIT_SERVICE, List.of("deploy/libs/platform"));
        libs.put(StackProcesses.TASK_SERVICE, List.of("deploy/libs/platform"));
        libs.put(StackProcesses.REMINDER_SERVICE, List.of("deploy/libs/platform"));
        libs.put(StackProcesses.GATEWAY, List.of("deploy/libs/verified-tokens"));
        libs.put("deploy/tools/bench", List.of(StackProcesses.UNIT_SERVICE));
        return libs;
    }

    /** Why {@code module} needs building, or empty when its build is current. */
    Optional<String> reason(String module) {
        Optional<FileTime> built = built(module);
        if (built.isEmpty()) {
            return Optional.of("not built yet");
        }
        Optional<Newest> newest = newestInput(module);
        if (newest.isPresent() && newest.get().time().compareTo(built.get()) > 0) {
            return Optional.of(root.relativize(newest.get().file()) + " changed since the last build");
        }
        return Optional.empty();
    }

    /** When the module was last built, empty when its output is missing. */
    Optional<FileTime> built(String module) {
        Path dir = root.resolve(module);
        Optional<FileTime> output;
        Path quarkusRun = dir.resolve("target/quarkus-app/quarkus-run.jar");
        if (isService(module)) {
            output = Files.isRegularFile(quarkusRun) ? Optional.of(mtime(quarkusRun)) : Optional.empty();
        } else {
            output = newest(dir.resolve("target/classes")).map(Newest::time);
        }
        if (output.isEmpty()) {
            return Optional.empty();
        }
        Path stamp = dir.resolve(STAMP);
        if (Files.isRegularFile(stamp) && mtime(stamp).compareTo(output.get()) > 0) {
            return Optional.of(mtime(stamp));
        }
        return output;
    }

    /** Records that {@code module} was just built. */
    void stamp(String module) {
        Path stamp = root.resolve(module).resolve(STAMP);
        try {
            Files.createDirectories(stamp.getParent());
            Files.writeString(stamp, "built by ./duban\n");
            Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Newest(Path file, FileTime time) {
    }

    /** The newest file the module is built from. */
    Optional<Newest> newestInput(String module) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(root.resolve("pom.xml"));
        for (String m : withLibraries(module)) {
            inputs.add(root.resolve(m).resolve("pom.xml"));
            inputs.add(root.resolve(m).resolve("src/main"));
        }
        Optional<Newest> newest = Optional.empty();
        for (Path input : inputs) {
            Optional<Newest> n = newest(input);
            if (n.isPresent() && (newest.isEmpty() || n.get().time().compareTo(newest.get().time()) > 0)) {
                newest = n;
            }
        }
        return newest;
    }

    private List<String> withLibraries(String module) {
        List<String> all = new ArrayList<>(List.of(module));
        for (String lib : LIBRARIES.getOrDefault(module, List.of())) {
            for (String m : withLibraries(lib)) {
                if (!all.contains(m)) {
                    all.add(m);
                }
            }
        }
        return all;
    }

    private static boolean isService(String module) {
        return StackProcesses.SERVICES.contains(module);
    }

    /** The newest regular file at or under {@code path}. */
    static Optional<Newest> newest(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(path)) {
            return Optional.of(new Newest(path, mtime(path)));
        }
        // the console's node_modules (gateway/src/main/webui) is what npm installed, not code: it is not walked
        Newest[] newest = {null};
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName().toString().equals("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && (newest[0] == null || attrs.lastModifiedTime().compareTo(newest[0].time()) > 0)) {
                        newest[0] = new Newest(file, attrs.lastModifiedTime());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(newest[0]);
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
