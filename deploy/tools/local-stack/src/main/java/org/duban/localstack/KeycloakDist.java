package org.duban.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Keycloak server of the local stack: {@code org.keycloak:keycloak-quarkus-dist:<version>:tar.gz}
 * from Maven Central (through the Maven wrapper, once, into {@code $DUBAN_HOME/dist}), unpacked into
 * {@code $DUBAN_HOME/keycloak}. The version is the parent pom's {@code keycloak.version}.
 */
final class KeycloakDist {

    private final Stack stack;
    private final String version;

    KeycloakDist(Stack stack, String version) {
        this.stack = stack;
        this.version = version;
    }

    String artifact() {
        return "org.keycloak:keycloak-quarkus-dist:" + version + ":tar.gz";
    }

    Path archive() {
        return stack.home.resolve("dist/keycloak-quarkus-dist-" + version + ".tar.gz");
    }

    /**
     * Whether the server is unpacked, in the configured version: a change of {@code keycloak.version} unpacks
     * the new one (an unpack without the version note is one of the earlier script's, of the same version).
     */
    boolean installed() {
        Path home = stack.keycloakHome();
        Path note = home.resolve(".duban-version");
        return Files.isExecutable(home.resolve("bin/kc.sh")) && (!Files.exists(note) || read(note).equals(version));
    }

    void fetch() {
        if (installed()) {
            return;
        }
        Path dist = archive().getParent();
        try {
            Files.createDirectories(dist);
            if (!Files.isRegularFile(archive())) {
                stack.info("downloading Keycloak " + version + " (176 MB, once) into " + dist);
                Path log = stack.logs.resolve("fetch-keycloak.log");
                new Build(stack).run(List.of(stack.root.resolve("mvnw").toString(), "-q", "-B", "-f", "deploy/tools/local-stack/pom.xml",
                        "dependency:copy", "-Dartifact=" + artifact(), "-DoutputDirectory=" + dist), log, "downloading " + artifact() + " failed");
                if (!Files.isRegularFile(archive())) {
                    throw new LauncherException("downloading " + artifact() + " left no " + archive() + "; full log: " + log);
                }
            }
            stack.info("unpacking Keycloak into " + stack.keycloakHome());
            Path tmp = dist.resolve("unpack." + ProcessHandle.current().pid());
            KafkaProcess.deleteTree(tmp);
            Files.createDirectories(tmp);
            Process tar = new ProcessBuilder("tar", "-xzf", archive().toString(), "-C", tmp.toString()).inheritIO().start();
            if (tar.waitFor() != 0 || !Files.isDirectory(tmp.resolve("keycloak-" + version))) {
                KafkaProcess.deleteTree(tmp);
                throw new LauncherException("cannot unpack " + archive() + " (delete it and retry)");
            }
            // the realm's data (data/h2) of an earlier unpack stays: a new version migrates it
            Path home = stack.keycloakHome();
            Path keptData = dist.resolve("data." + ProcessHandle.current().pid());
            if (Files.isDirectory(home.resolve("data"))) {
                Files.move(home.resolve("data"), keptData);
            }
            KafkaProcess.deleteTree(home);
            Files.move(tmp.resolve("keycloak-" + version), home);
            if (Files.isDirectory(keptData)) {
                KafkaProcess.deleteTree(home.resolve("data"));
                Files.move(keptData, home.resolve("data"));
            }
            Files.writeString(home.resolve(".duban-version"), version + "\n");
            KafkaProcess.deleteTree(tmp);
        } catch (IOException e) {
            throw new LauncherException("cannot install Keycloak into " + stack.keycloakHome() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
