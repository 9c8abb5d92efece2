package org.duban.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.duban.localstack.Checkout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenAPI documents as committed, {@code docs/openapi/<name>.json}: each service's own and the
 * gateway's merged one ({@code duban.json}), which the console's API client is generated from. A
 * service's test checks its live {@code /q/openapi} against its file; the gateway's test merges the
 * committed service files the way it merges the live documents and checks the result against
 * {@code duban.json}. So an API change shows as a diff in review, and a name two services share fails
 * the gateway's build.
 *
 * <p>Every operation has an {@code operationId}, unique in the document: camelCase, verb first
 * ({@code listAssignments}, {@code transitionAssignment}), so that generated clients get names people
 * chose instead of {@code apiAssignmentsIdTransitionsPost}.
 *
 * <p>To rewrite the files after an intended change, run the services' tests and then the gateway's with
 * {@code -Dduban.openapi.write=true} (or {@code DUBAN_OPENAPI_WRITE=true}) and review the diff. Only
 * {@code info.version} is left out of the comparison.
 */
public final class OpenApiDocuments {

    /** The system property (or, upper-cased with underscores, environment variable) that rewrites the files. */
    public static final String WRITE = "duban.openapi.write";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiDocuments() {
    }

    public static Path directory() {
        return Checkout.root().resolve("docs/openapi");
    }

    /** The committed document {@code name} ({@code task-service}, {@code duban}). */
    public static JsonNode committed(String name) {
        Path file = directory().resolve(name + ".json");
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("no committed OpenAPI document " + file, e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
    }

    /**
     * What breaks the rule in {@code document}: an operation without an operationId ("GET /api/x has no
     * operationId"), or one name given to several ("listX names GET /api/a and GET /api/b"). Empty when
     * every operation has a name of its own.
     */
    public static List<String> operationIdProblems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isBlank()) {
                    problems.add(where + " has no operationId");
                } else if (!id.matches("[a-z][A-Za-z0-9]*")) {
                    problems.add(where + " has the operationId '" + id + "', not camelCase");
                } else {
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(where);
                }
            }
        }
        byId.forEach((id, where) -> {
            if (where.size() > 1) {
                problems.add(id + " names " + String.join(" and ", where));
            }
        });
        return problems;
    }

    /** Fails naming every operation without an operationId and every name given twice. */
    public static void assertOperationIds(String name, JsonNode document) {
        List<String> problems = operationIdProblems(document);
        if (!problems.isEmpty()) {
            fail(name + ": every operation needs an operationId of its own — " + String.join("; ", problems));
        }
    }

    /**
     * Fails unless {@code live} equals the committed {@code docs/openapi/<name>.json} (but for
     * {@code info.version}); with {@link #WRITE} set, writes it there instead.
     */
    public static void assertMatchesCommitted(String name, JsonNode live) {
        JsonNode actual = withoutVersion(parse(PrettyJson.write(live)));
        Path file = directory().resolve(name + ".json");
        if (writing()) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, PrettyJson.write(actual), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (!Files.exists(file)) {
            fail("There is no " + file + " yet: run this test with -D" + WRITE + "=true to write it.");
        }
        JsonNode expected = withoutVersion(committed(name));
        if (!expected.equals(actual)) {
            List<String> differences = new ArrayList<>();
            differences(expected, actual, "", differences);
            fail(name + " serves an OpenAPI document that differs from the committed " + file + " at "
                    + String.join(", ", differences) + ".\nThe API is public: add, never rename or remove. If the change "
                    + "is intended, run the tests with -D" + WRITE + "=true (the services', then the gateway's) and review "
                    + "the diff.");
        }
    }

    private static JsonNode withoutVersion(JsonNode document) {
        JsonNode copy = document.deepCopy();
        if (copy.path("info") instanceof ObjectNode info) {
            info.remove("version");
        }
        return copy;
    }

    /** JSON pointers where the two trees differ, the first 10. */
    private static void differences(JsonNode expected, JsonNode actual, String pointer, List<String> out) {
        if (out.size() >= 10 || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new java.util.LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                String child = pointer + "/" + field.replace("~", "~0").replace("/", "~1");
                if (!expected.has(field)) {
                    out.add(child + " (new)");
                } else if (!actual.has(field)) {
                    out.add(child + " (gone)");
                } else {
                    differences(expected.get(field), actual.get(field), child, out);
                }
                if (out.size() >= 10) {
                    return;
                }
            }
            return;
        }
        out.add(pointer.isEmpty() ? "/" : pointer);
    }

    private static boolean writing() {
        return Boolean.parseBoolean(System.getProperty(WRITE, System.getenv("DUBAN_OPENAPI_WRITE")));
    }
}
