package org.duban.stack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.duban.stack.Manifests.list;
import static org.duban.stack.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One Kafka, one Keycloak and one Java for everything: the parent POM holds each version once
 * ({@code kafka.version}, {@code keycloak.version}, {@code maven.compiler.release}) and every other
 * place that names one — docker-compose, deploy/k8s, the service images, the system test, the JDK
 * finder, the launcher, the READMEs — names the same.
 */
class VersionsTest {

    private static ParentPom pom;

    @BeforeAll
    static void read() {
        pom = ParentPom.read();
    }

    // docker-compose

    @Test
    void dockerComposeRunsTheKafkaAndKeycloakOfThePom() {
        Map<String, Map<String, Object>> services = Repository.composeServices();
        assertEquals("apache/kafka:" + pom.kafka(), services.get("kafka").get("image"));
        assertEquals("quay.io/keycloak/keycloak:" + pom.keycloak(), services.get("keycloak").get("image"));
    }

    /** What compose builds is tagged as the image the Kubernetes Deployments run. */
    @ParameterizedTest
    @MethodSource("services")
    void dockerComposeTagsEachServiceImageWithTheProjectVersion(String service) {
        assertEquals(image(service), Repository.composeServices().get(service).get("image"), service);
    }

    // deploy/k8s

    @Test
    void strimziRunsTheKafkaOfThePom() {
        Map<String, Object> kafka = Manifests.kustomization().one("Kafka");
        assertEquals(pom.kafka(), string(kafka, "spec", "kafka", "version"));
        // Strimzi's metadata version of a Kafka release: its major.minor, and for 4.1 an "-IV" level (4.1-IV1)
        String minor = pom.kafka().replaceFirst("^(\\d+\\.\\d+).*", "$1");
        String metadata = string(kafka, "spec", "kafka", "metadataVersion");
        assertTrue(metadata.matches(Pattern.quote(minor) + "(-IV\\d+)?"),
                "metadataVersion " + metadata + " belongs to Kafka " + minor);
    }

    @Test
    void theKeycloakOperatorRunsTheKeycloakOfThePom() {
        Map<String, Object> keycloak = Manifests.kustomization().one("Keycloak");
        assertEquals("quay.io/keycloak/keycloak:" + pom.keycloak(), string(keycloak, "spec", "image"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachDeploymentRunsTheImageOfTheProjectVersion(String service) {
        Manifests k8s = Manifests.kustomization();
        assertEquals(image(service), string(k8s.container(service), "image"), service);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExampleOverlayKeepsTheProjectVersion() {
        Map<String, Object> overlay = (Map<String, Object>) Repository.yaml(
                Repository.read("deploy/k8s/overlays/example/kustomization.yaml")).get(0);
        List<Object> images = list(overlay, "images");
        assertEquals(Repository.SERVICES.size(), images.size(), "one image per service");
        for (Object image : images) {
            assertEquals(pom.release(), string(image, "newTag"), string(image, "name"));
        }
    }

    // Java

    /** Every Dockerfile builds on a Java runtime of the release the code is compiled for. */
    @ParameterizedTest
    @MethodSource("dockerfiles")
    void everyDockerfileRunsTheJavaOfThePom(Path dockerfile) throws IOException {
        List<String> bases = baseImages(Files.readString(dockerfile));
        assertFalse(bases.isEmpty(), dockerfile + " has a FROM");
        for (String base : bases) {
            assertEquals(pom.java(), javaMajor(base), dockerfile + ": " + base);
        }
    }

    @Test
    void theBuildAndTheJdkFinderAskForTheJavaOfThePom() {
        assertTrue(pom.requiredJava().startsWith("[" + pom.java() + ","),
                "the enforcer asks for Java " + pom.java() + " or newer: " + pom.requiredJava());
        String finder = Repository.read("deploy/tools/jdk.sh");
        Matcher minimum = Pattern.compile("\"\\$major\" -ge (\\d+)").matcher(finder);
        assertTrue(minimum.find(), "deploy/tools/jdk.sh checks a minimum Java major");
        assertEquals(pom.java(), minimum.group(1), "deploy/tools/jdk.sh");
    }

    // the system test and the launcher

    @Test
    void theSystemTestUnpacksTheKeycloakOfThePom() {
        String systemTest = Repository.read("deploy/tests/system-test/pom.xml");
        Matcher dist = Pattern.compile("<artifactId>keycloak-quarkus-dist</artifactId>\\s*<version>([^<]+)</version>").matcher(systemTest);
        assertTrue(dist.find(), "the system test unpacks keycloak-quarkus-dist");
        assertEquals("${keycloak.version}", dist.group(1));
        assertTrue(systemTest.contains("keycloak-${keycloak.version}"), "and runs it from the folder of that version");
    }

    /** No module pom names a Kafka or Keycloak artifact's version but through the parent's property. */
    @ParameterizedTest
    @MethodSource("modulePoms")
    void modulePomsTakeKafkaAndKeycloakFromTheParent(Path modulePom) throws IOException {
        Matcher artifact = Pattern.compile("<groupId>(org\\.apache\\.kafka|org\\.keycloak)</groupId>\\s*<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(modulePom));
        while (artifact.find()) {
            String property = artifact.group(1).equals("org.keycloak") ? "${keycloak.version}" : "${kafka.version}";
            assertEquals(property, artifact.group(2), modulePom + ": " + artifact.group());
        }
    }

    /**
     * The launcher (./duban and deploy/tools/local-stack) reads its versions from a resource Maven
     * filters with the parent's properties: what it holds about Kafka and Keycloak is ${kafka.version}
     * and ${keycloak.version}, never a version spelled out. That resource comes with the launcher's
     * rewrite (another change of issue 13): while no file under local-stack's resources mentions Kafka
     * or Keycloak, this test is skipped, saying so. ./duban's own version variables are checked below.
     */
    @Test
    void theLauncherTakesItsVersionsFromThePom() throws IOException {
        Path resources = Repository.root().resolve("deploy/tools/local-stack/src/main/resources");
        List<String> mentions = new ArrayList<>();
        if (Files.isDirectory(resources)) {
            try (Stream<Path> walk = Files.walk(resources)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (line.toLowerCase().matches(".*(kafka|keycloak).*")) {
                            mentions.add(Repository.root().relativize(file) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assumeFalse(mentions.isEmpty(), "no launcher resource under " + resources + " names Kafka or Keycloak yet (it comes with the launcher's rewrite)");
        boolean placeholders = false;
        for (String mention : mentions) {
            assertFalse(mention.matches(".*\\b\\d+\\.\\d+\\.\\d+\\b.*"), mention + ": a version filled in from the parent POM, not spelled out");
            placeholders |= mention.contains("${kafka.version}") || mention.contains("${keycloak.version}");
        }
        if (placeholders) {
            assertTrue(Repository.read("deploy/tools/local-stack/pom.xml").contains("<filtering>true</filtering>"),
                    "deploy/tools/local-stack filters its resources, so the placeholders become the versions");
        }
    }

    /** A version the ./duban script still spells out itself (KEYCLOAK_VERSION="…") is the parent's. */
    @Test
    void theDubanScriptNamesNoOtherVersion() {
        assumeTrue(Files.exists(Repository.root().resolve("duban")), "no ./duban script");
        Matcher variable = Pattern.compile("(?im)^\\s*(?:export\\s+)?(\\w*(KAFKA|KEYCLOAK)\\w*VERSION\\w*)=\"?([0-9][^\"\\s]*)\"?")
                .matcher(Repository.read("duban"));
        while (variable.find()) {
            String expected = variable.group(2).equalsIgnoreCase("keycloak") ? pom.keycloak() : pom.kafka();
            assertEquals(expected, variable.group(3), "./duban " + variable.group(1));
        }
    }

    // the READMEs

    /**
     * A README that names a Kafka, Keycloak or Java version names ours: the same release ("Kafka 4.1.2",
     * "org.keycloak:keycloak-quarkus-dist:26.7.3", the operator's files), or its line ("Kafka 4.1",
     * "Keycloak 26.x"); a lower bound ("Keycloak 24+", "… or newer") is one ours meets, and for Java,
     * which the build enforces, the bound is ours. docs/benchmarks.md is left out
     * on purpose: it records the versions its figures were measured on.
     */
    @ParameterizedTest
    @MethodSource("readmes")
    void everyReadmeNamesTheVersionsOfThePom(Path readme) throws IOException {
        String text = Files.readString(readme);
        List<String> wrong = new ArrayList<>();
        check(text, "(?i)\\bkafka[ :](\\d+(?:\\.\\d+){0,2}(?:\\.x)?)(\\+| or newer)?", pom.kafka(), false, wrong);
        check(text, "(?i)\\bkeycloak(?: operator)?[ :](\\d+(?:\\.\\d+){0,2}(?:\\.x)?)(\\+| or newer)?", pom.keycloak(), false, wrong);
        check(text, "keycloak-k8s-resources/(\\d+(?:\\.\\d+){0,2})/", pom.keycloak(), false, wrong);
        check(text, "org\\.keycloak:[\\w.-]+:(\\d+(?:\\.\\d+){0,2})", pom.keycloak(), false, wrong);
        check(text, "org\\.apache\\.kafka:[\\w.-]+:(\\d+(?:\\.\\d+){0,2})", pom.kafka(), false, wrong);
        check(text, "(?i)\\b(?:jdk|java|temurin|openjdk)[ -](\\d+)(\\+| or newer)?", pom.java(), true, wrong);
        assertTrue(wrong.isEmpty(), Repository.root().relativize(readme) + " names other versions: " + wrong);
    }

    private static void check(String text, String regex, String ours, boolean exactBound, List<String> wrong) {
        Matcher named = Pattern.compile(regex).matcher(text);
        while (named.find()) {
            String version = named.group(1).replaceFirst("\\.x$", "");
            boolean bound = named.groupCount() > 1 && named.group(2) != null;
            boolean fits = bound && !exactBound ? compare(ours, version) >= 0 : ours.equals(version) || ours.startsWith(version + ".");
            if (!fits) {
                wrong.add(named.group());
            }
        }
    }

    /** Compares dotted versions by number, as far as the shorter goes. */
    static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    // what the checks run over

    static List<String> services() {
        return Repository.SERVICES;
    }

    /** The image a service's Dockerfile is built into: registry name and the project's version. */
    private static String image(String service) {
        return "ghcr.io/duban/" + service + ":" + pom.release();
    }

    static List<Path> dockerfiles() {
        return Repository.files(path -> path.getFileName().toString().startsWith("Dockerfile"));
    }

    static List<Path> modulePoms() {
        Path parent = Repository.root().resolve("pom.xml");
        return Repository.files(path -> path.getFileName().toString().equals("pom.xml") && !path.equals(parent));
    }

    static List<Path> readmes() {
        return Repository.files(path -> path.getFileName().toString().equals("README.md"));
    }

    /** The base images of a Dockerfile, with {@code ARG} defaults filled in. */
    static List<String> baseImages(String dockerfile) {
        Map<String, String> args = new HashMap<>();
        Matcher arg = Pattern.compile("(?m)^\\s*ARG\\s+(\\w+)=(\\S+)").matcher(dockerfile);
        while (arg.find()) {
            args.put(arg.group(1), arg.group(2).replaceAll("^\"|\"$", ""));
        }
        List<String> stages = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        Matcher from = Pattern.compile("(?im)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?").matcher(dockerfile);
        while (from.find()) {
            String image = from.group(1);
            for (Map.Entry<String, String> entry : args.entrySet()) {
                image = image.replace("${" + entry.getKey() + "}", entry.getValue()).replace("$" + entry.getKey(), entry.getValue());
            }
            if (!stages.contains(image)) {
                bases.add(image); // FROM <earlier stage> adds no image of its own
            }
            if (from.group(2) != null) {
                stages.add(from.group(2));
            }
        }
        return bases;
    }

    /** The Java feature release a JDK image carries in its name: ubi9/openjdk-25-runtime, eclipse-temurin:25-jre. */
    static String javaMajor(String image) {
        Matcher major = Pattern.compile("(?:openjdk-|temurin-|eclipse-temurin:|openjdk:|jdk:|jre:)(\\d+)").matcher(image);
        if (!major.find()) {
            fail("cannot tell which Java " + image + " carries; name a JDK image, or teach VersionsTest.javaMajor its naming");
        }
        return major.group(1);
    }

    /** The parent POM's versions. */
    record ParentPom(String kafka, String keycloak, String java, String version, String requiredJava) {

        static ParentPom read() {
            String pom = Repository.read("pom.xml");
            return new ParentPom(element(pom, "kafka.version"), element(pom, "keycloak.version"),
                    element(pom, "maven.compiler.release"), projectVersion(pom), requireJavaVersion(pom));
        }

        /** The version images and releases carry: the project's, without -SNAPSHOT. */
        String release() {
            return version.replaceFirst("-SNAPSHOT$", "");
        }

        private static String element(String pom, String name) {
            Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">\\s*([^<\\s]+)\\s*</" + Pattern.quote(name) + ">").matcher(pom);
            if (!value.find()) {
                fail("the parent POM has no <" + name + ">");
            }
            return value.group(1);
        }

        private static String projectVersion(String pom) {
            // the project's own <version>: the first one after </parent> or, without a parent, after <artifactId>
            Matcher version = Pattern.compile("<artifactId>duban-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
            if (!version.find()) {
                fail("the parent POM's version follows its artifactId duban-parent");
            }
            return version.group(1);
        }

        private static String requireJavaVersion(String pom) {
            Matcher version = Pattern.compile("<requireJavaVersion>\\s*<version>([^<]+)</version>").matcher(pom);
            if (!version.find()) {
                fail("the parent POM enforces a Java version");
            }
            return version.group(1);
        }
    }
}
