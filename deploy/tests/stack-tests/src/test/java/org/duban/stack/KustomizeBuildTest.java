package org.duban.stack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.duban.stack.Manifests.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where kubectl is installed (not needed for the build), renders the kustomization and the example
 * overlay as {@code kubectl apply -k} would, and checks what comes out: it builds, everything lands
 * in the namespace, the generated ConfigMaps are found, and the overlay's public URLs still agree.
 */
class KustomizeBuildTest {

    @ParameterizedTest
    @ValueSource(strings = {"deploy/k8s", "deploy/k8s/overlays/example"})
    void rendersWithKubectl(String folder) throws Exception {
        Optional<Path> kubectl = onPath("kubectl");
        assumeTrue(kubectl.isPresent(), "kubectl is not installed");
        Manifests rendered = Manifests.rendered(render(kubectl.get(), Repository.root().resolve(folder)));

        for (String kind : new String[] {"Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap",
                "Ingress", "NetworkPolicy", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database", "Keycloak", "KeycloakRealmImport"}) {
            for (Map<String, Object> resource : rendered.all(kind)) {
                assertEquals("duban", string(resource, "metadata", "namespace"), kind + " " + string(resource, "metadata", "name"));
            }
        }
        for (String service : Repository.SERVICES) {
            assertFalse(rendered.environment(service).isEmpty(), service + " finds its ConfigMaps under their generated names");
        }
        KubernetesInfrastructureTest.assertPublicUrlsAgree(rendered);
    }

    private static String render(Path kubectl, Path folder) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", folder.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize finishes");
        assertEquals(0, process.exitValue(), "kubectl kustomize " + folder + " builds");
        return output;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
