package org.duban.stack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.duban.stack.Manifests.integer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service images (no Docker engine here, so their Dockerfiles are read): each packs the -Pimage
 * package, trains its AOT cache in the image's own JDK with the options every start uses, and runs as
 * the non-root user the Deployments ask for; docker-compose and Kubernetes leave those options alone.
 */
class ServiceImagesTest {

    /** Variables that would replace or change the JVM options the image sets (run-java.sh reads the first two). */
    private static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    static List<String> services() {
        return Repository.SERVICES;
    }

    private static String dockerfile(String service) {
        return Repository.read(service + "/src/main/docker/Dockerfile.jvm");
    }

    /** The image copies what `./mvnw package -Pimage` writes: target/image, as the parent POM's profile says. */
    @ParameterizedTest
    @MethodSource("services")
    void copiesTheImagePackage(String service) {
        String pom = Repository.read("pom.xml");
        Matcher output = Pattern.compile("<id>image</id>.*?<quarkus\\.package\\.output-directory>([^<]+)</quarkus\\.package\\.output-directory>", Pattern.DOTALL)
                .matcher(pom);
        assertTrue(output.find(), "the parent POM's image profile sets quarkus.package.output-directory");
        assertTrue(pom.matches("(?s).*<id>image</id>.*<quarkus\\.package\\.jar\\.aot\\.phase>build</quarkus\\.package\\.jar\\.aot\\.phase>.*"),
                "the image profile builds the exit-after-static-init hook the training run needs (aot phase build)");
        String dockerfile = dockerfile(service);
        for (String part : List.of("lib/", "quarkus-run.jar", "app/", "quarkus/")) {
            assertTrue(dockerfile.contains("COPY --chown=185 target/" + output.group(1) + "/" + part), service + " copies target/" + output.group(1) + "/" + part);
        }
        assertFalse(dockerfile.contains("target/" + output.group(1) + "/app.aot"), service + ": the build JDK's cache stays out of the image");
    }

    /** The cache the training run writes is the one every start maps, with the same options; it is checked to exist. */
    @ParameterizedTest
    @MethodSource("services")
    void trainsItsAotCacheWithTheOptionsOfEveryStart(String service) {
        String dockerfile = dockerfile(service);
        List<String> options = envValues(dockerfile, "JAVA_OPTS_APPEND");
        assertEquals(2, options.size(), service + ": the start options, then the same plus the cache");
        assertTrue(options.get(0).contains("-XX:+UseCompactObjectHeaders"), service + " runs with compact object headers");
        Matcher training = Pattern.compile("RUN JAVA_OPTS_APPEND=\"\\$JAVA_OPTS_APPEND -XX:AOTCacheOutput=(\\S+) -Dquarkus\\.appcds\\.generate=true\"\\s*\\\\\\s*"
                + "/opt/jboss/container/java/run/run-java\\.sh\\s*\\\\\\s*&& test -s (\\S+)").matcher(dockerfile);
        assertTrue(training.find(), service + ": a training run through the entry point, with the start options, that must leave a cache");
        String cache = training.group(1);
        assertEquals(cache, training.group(2), service + " checks the cache it wrote");
        assertEquals("$JAVA_OPTS_APPEND -XX:AOTCache=" + cache, options.get(1), service + " starts with that cache");
        assertTrue(dockerfile.indexOf("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]") > training.end(),
                service + " starts through the same entry point as the training run");
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsAsTheUserTheDeploymentAsksFor(String service) {
        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(dockerfile(service));
        assertTrue(user.find(), service + " names a numeric user");
        int uid = Integer.parseInt(user.group(1));
        assertTrue(uid > 0, service + " does not run as root");
        Map<String, Object> deployment = Manifests.kustomization().get("Deployment", service);
        assertEquals(uid, integer(deployment, "spec", "template", "spec", "securityContext", "runAsUser"), service);
        assertTrue(dockerfile(service).indexOf("USER " + uid) < dockerfile(service).indexOf("RUN "), service + " trains as that user");
    }

    /** Compose and Kubernetes run the images' JVM options as they are: the same in both, and the cache stays valid. */
    @ParameterizedTest
    @MethodSource("services")
    @SuppressWarnings("unchecked")
    void neitherComposeNorKubernetesChangesTheJvmOptions(String service) {
        Map<String, Object> compose = (Map<String, Object>) Repository.composeServices().get(service).get("environment");
        Map<String, Manifests.Variable> k8s = Manifests.kustomization().environment(service);
        for (String variable : JVM_OPTION_VARIABLES) {
            assertFalse(compose.containsKey(variable), service + ": docker-compose sets " + variable);
            assertFalse(k8s.containsKey(variable), service + ": its Deployment sets " + variable);
        }
    }

    /** The values an ENV instruction gives a variable, in order. */
    private static List<String> envValues(String dockerfile, String variable) {
        Matcher env = Pattern.compile("(?m)^ENV " + variable + "=\"([^\"]*)\"").matcher(dockerfile);
        return env.results().map(result -> result.group(1)).toList();
    }
}
