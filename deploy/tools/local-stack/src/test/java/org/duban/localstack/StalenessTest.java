package org.duban.localstack;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StalenessTest {

    private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path root;

    Staleness staleness;

    @BeforeEach
    void checkout() throws IOException {
        file("pom.xml", 0);
        file("deploy/libs/platform/pom.xml", 0);
        file("deploy/libs/platform/src/main/java/org/duban/platform/Outbox.java", 0);
        file("unit-service/pom.xml", 0);
        file("unit-service/src/main/java/org/duban/unit/UnitResource.java", 10);
        file("unit-service/src/main/resources/application.properties", 10);
        file("unit-service/src/test/java/org/duban/unit/UnitResourceTest.java", 10);
        file("gateway/pom.xml", 0);
        file("gateway/src/main/java/org/duban/gateway/Proxy.java", 10);
        staleness = new Staleness(root);
    }

    @Test
    void aModuleWithoutItsPackageIsNotBuiltYet() {
        assertEquals(Optional.of("not built yet"), staleness.reason("unit-service"));
    }

    @Test
    void aPackageNewerThanEverySourceIsCurrent() throws IOException {
        file("unit-service/target/quarkus-app/quarkus-run.jar", 100);
        assertEquals(Optional.empty(), staleness.reason("unit-service"));
    }

    @Test
    void anEditedSourceMakesItStaleAndIsNamed() throws IOException {
        file("unit-service/target/quarkus-app/quarkus-run.jar", 100);
        file("unit-service/src/main/java/org/duban/unit/UnitResource.java", 200);
        assertEquals(Optional.of("unit-service/src/main/java/org/duban/unit/UnitResource.java changed since the last build"),
                staleness.reason("unit-service"));
    }

    @Test
    void anEditedPomOrParentPomCounts() throws IOException {
        file("unit-service/target/quarkus-app/quarkus-run.jar", 100);
        file("pom.xml", 150);
        assertEquals(Optional.of("pom.xml changed since the last build"), staleness.reason("unit-service"));
        file("unit-service/pom.xml", 160);
        assertEquals(Optional.of("unit-service/pom.xml changed since the last build"), staleness.reason("unit-service"));
    }

    @Test
    void anEditedLibraryMakesTheServicesThatLinkItStale() throws IOException {
        file("unit-service/target/quarkus-app/quarkus-run.jar", 100);
        file("gateway/target/quarkus-app/quarkus-run.jar", 100);
        file("deploy/libs/platform/src/main/java/org/duban/platform/Outbox.java", 150);
        assertEquals(Optional.of("deploy/libs/platform/src/main/java/org/duban/platform/Outbox.java changed since the last build"),
                staleness.reason("unit-service"));
        assertEquals(Optional.empty(), staleness.reason("gateway"), "the gateway does not link the platform");
        file("deploy/libs/verified-tokens/src/main/java/org/duban/tokens/VerifiedTokens.java", 200);
        assertEquals(Optional.of("deploy/libs/verified-tokens/src/main/java/org/duban/tokens/VerifiedTokens.java changed since the last build"),
                staleness.reason("gateway"), "both link the verified tokens");
        assertEquals(Optional.of("deploy/libs/verified-tokens/src/main/java/org/duban/tokens/VerifiedTokens.java changed since the last build"),
                staleness.reason("unit-service"), "by way of the platform");
    }

    @Test
    void theConsolesNodeModulesAreNotCode() throws IOException {
        file("gateway/target/quarkus-app/quarkus-run.jar", 100);
        file("gateway/src/main/webui/node_modules/vue/index.js", 200);
        assertEquals(Optional.empty(), staleness.reason("gateway"));
        file("gateway/src/main/webui/src/App.vue", 300);
        assertEquals(Optional.of("gateway/src/main/webui/src/App.vue changed since the last build"), staleness.reason("gateway"));
    }

    @Test
    void aTestEditLeavesThePackageCurrent() throws IOException {
        file("unit-service/target/quarkus-app/quarkus-run.jar", 100);
        file("unit-service/src/test/java/org/duban/unit/UnitResourceTest.java", 200);
        assertEquals(Optional.empty(), staleness.reason("unit-service"));
    }

    @Test
    void theStampOfABuildThatLeftThePackageAsItWasCounts() throws IOException {
        file("unit-service/target/quarkus-app/quarkus-run.jar", 100);
        file("unit-service/src/main/resources/application.properties", 200);
        assertTrue(staleness.reason("unit-service").isPresent());
        file("unit-service/" + Staleness.STAMP, 300);
        assertEquals(Optional.empty(), staleness.reason("unit-service"));
    }

    @Test
    void aPlainModuleIsJudgedByItsClasses() throws IOException {
        file("deploy/tools/bench/pom.xml", 0);
        file("deploy/tools/bench/src/main/java/org/duban/bench/Bench.java", 10);
        assertEquals(Optional.of("not built yet"), staleness.reason("deploy/tools/bench"));
        file("deploy/tools/bench/target/classes/org/duban/bench/Bench.class", 100);
        assertEquals(Optional.empty(), staleness.reason("deploy/tools/bench"));
        // the benchmarks link unit-service's domain classes
        file("unit-service/src/main/java/org/duban/unit/UnitResource.java", 150);
        assertEquals(Optional.of("unit-service/src/main/java/org/duban/unit/UnitResource.java changed since the last build"),
                staleness.reason("deploy/tools/bench"));
    }

    @Test
    void stampingRecordsABuildNow() {
        staleness.stamp("gateway");
        assertTrue(Files.isRegularFile(root.resolve("gateway").resolve(Staleness.STAMP)));
    }

    /** The libraries the launcher assumes are the Duban modules each pom links (test scope aside). */
    @Test
    void theLibrariesAreThoseOfThePoms() throws IOException {
        Path checkout = Checkout.root();
        Map<String, String> artifacts = Map.of("duban-platform", "deploy/libs/platform", "unit-service", "unit-service",
                "duban-verified-tokens", "deploy/libs/verified-tokens");
        Pattern dependency = Pattern.compile("<dependency>\\s*(?:<!--.*?-->\\s*)?<groupId>org\\.duban</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>",
                Pattern.DOTALL);
        for (var module : Staleness.LIBRARIES.entrySet()) {
            String pom = Files.readString(checkout.resolve(module.getKey()).resolve("pom.xml"));
            List<String> linked = new ArrayList<>();
            Matcher m = dependency.matcher(pom);
            while (m.find()) {
                if (!m.group(2).contains("<scope>test</scope>") && artifacts.containsKey(m.group(1))) {
                    linked.add(artifacts.get(m.group(1)));
                }
            }
            assertEquals(linked.stream().sorted().toList(), module.getValue().stream().sorted().toList(), module.getKey());
        }
    }

    private void file(String path, int secondsAfterT0) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, path);
        }
        Files.setLastModifiedTime(file, FileTime.from(T0.plusSeconds(secondsAfterT0)));
    }
}
