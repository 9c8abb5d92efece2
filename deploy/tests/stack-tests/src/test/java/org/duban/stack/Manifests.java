package org.duban.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Kubernetes resources under deploy/k8s, read the way Kustomize reads them: from a
 * kustomization.yaml, its resources (files, and folders with their own kustomization.yaml) and its
 * configMapGenerator entries. Works as well on what {@code kubectl kustomize} renders.
 */
final class Manifests {

    private final List<Map<String, Object>> resources;
    private final Map<String, Map<String, String>> generatedConfigMaps;

    private Manifests(List<Map<String, Object>> resources, Map<String, Map<String, String>> generatedConfigMaps) {
        this.resources = resources;
        this.generatedConfigMaps = generatedConfigMaps;
    }

    /** What {@code kubectl apply -k deploy/k8s} applies. */
    static Manifests kustomization() {
        return kustomization(Repository.root().resolve("deploy/k8s"));
    }

    static Manifests kustomization(Path folder) {
        List<Map<String, Object>> resources = new ArrayList<>();
        Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();
        load(folder, resources, configMaps);
        return new Manifests(resources, configMaps);
    }

    /** Rendered output, one YAML stream. */
    @SuppressWarnings("unchecked")
    static Manifests rendered(String yaml) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : Repository.yaml(yaml)) {
            resources.add((Map<String, Object>) document);
        }
        return new Manifests(resources, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static void load(Path folder, List<Map<String, Object>> resources, Map<String, Map<String, String>> configMaps) {
        Map<String, Object> kustomization = (Map<String, Object>) Repository.yaml(read(folder.resolve("kustomization.yaml"))).get(0);
        for (String resource : (List<String>) kustomization.getOrDefault("resources", List.of())) {
            Path path = folder.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                load(path, resources, configMaps);
            } else {
                for (Object document : Repository.yaml(read(path))) {
                    resources.add((Map<String, Object>) document);
                }
            }
        }
        for (Map<String, Object> generator : (List<Map<String, Object>>) kustomization.getOrDefault("configMapGenerator", List.of())) {
            Map<String, String> data = configMaps.computeIfAbsent((String) generator.get("name"), name -> new LinkedHashMap<>());
            for (String envs : (List<String>) generator.getOrDefault("envs", List.of())) {
                for (String line : read(folder.resolve(envs)).split("\n")) {
                    addLiteral(line, data);
                }
            }
            for (String literal : (List<String>) generator.getOrDefault("literals", List.of())) {
                addLiteral(literal, data);
            }
        }
    }

    private static void addLiteral(String line, Map<String, String> data) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            int equals = trimmed.indexOf('=');
            data.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> all(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
    }

    /** The only resource of a kind, e.g. the Kafka cluster. */
    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = all(kind);
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    Map<String, Object> get(String kind, String name) {
        Map<String, Object> found = find(kind, name);
        assertNotNull(found, kind + " " + name);
        return found;
    }

    Map<String, Object> find(String kind, String name) {
        return all(kind).stream().filter(resource -> name.equals(at(resource, "metadata", "name"))).findFirst().orElse(null);
    }

    /** A ConfigMap's data, whether a resource or made by a configMapGenerator. */
    Map<String, String> configMap(String name) {
        if (generatedConfigMaps.containsKey(name)) {
            return generatedConfigMaps.get(name);
        }
        Map<String, Object> configMap = get("ConfigMap", name);
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, Object> values = map(configMap, "data");
        if (values != null) {
            values.forEach((key, value) -> data.put(key, String.valueOf(value)));
        }
        return data;
    }

    /** A key of a Secret, which the installer creates (none are committed). */
    record SecretKey(String secret, String key) {
    }

    /** One environment variable of a container: a value, or a key of a Secret. */
    record Variable(String name, String value, SecretKey secret) {
    }

    /** The one container of a Deployment's pods. */
    Map<String, Object> container(String deployment) {
        List<Object> containers = list(get("Deployment", deployment), "spec", "template", "spec", "containers");
        assertEquals(1, containers.size(), deployment + " runs one container");
        return map(containers.get(0));
    }

    /**
     * What a container's environment holds, by name: its env entries and every key of the
     * ConfigMaps it takes whole. Secrets are taken key by key (secretKeyRef), so that every variable
     * has a name here that can be checked.
     */
    @SuppressWarnings("unchecked")
    Map<String, Variable> environment(String deployment) {
        Map<String, Object> container = container(deployment);
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (Object from : (List<Object>) container.getOrDefault("envFrom", List.of())) {
            String configMap = (String) at(from, "configMapRef", "name");
            if (configMap == null) {
                fail(deployment + ": take Secrets key by key (secretKeyRef), not whole: " + from);
            }
            configMap(configMap).forEach((name, value) -> variables.put(name, new Variable(name, value, null)));
        }
        for (Object entry : (List<Object>) container.getOrDefault("env", List.of())) {
            String name = (String) at(entry, "name");
            Object secret = at(entry, "valueFrom", "secretKeyRef");
            Object configMapKey = at(entry, "valueFrom", "configMapKeyRef");
            if (secret != null) {
                variables.put(name, new Variable(name, null, new SecretKey((String) at(secret, "name"), (String) at(secret, "key"))));
            } else if (configMapKey != null) {
                String value = configMap((String) at(configMapKey, "name")).get((String) at(configMapKey, "key"));
                variables.put(name, new Variable(name, value, null));
            } else {
                variables.put(name, new Variable(name, Objects.toString(at(entry, "value"), null), null));
            }
        }
        return variables;
    }

    /** A value inside nested maps and lists: {@code at(deployment, "spec", "template", "spec")}; list items by index. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    static String string(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    static int integer(Object node, Object... path) {
        Object value = at(node, path);
        assertNotNull(value, String.join(".", java.util.Arrays.stream(path).map(String::valueOf).toList()));
        return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        return (Map<String, Object>) at(node, path);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? List.of() : (List<Object>) value;
    }
}
