package org.duban.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.duban.localstack.Checkout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed sample of every event type, {@code deploy/libs/events/src/test/resources/samples/<type>.json}:
 * one CloudEvent each, as its producer writes it. A producer's test checks what its real code path wrote
 * against the sample of that type; a consumer's test feeds the same files to its real applier. So a
 * change of the wire format fails the producer's build, and the consumers are tested on what the
 * producer really writes.
 *
 * <p>Values that differ from run to run (event ids, instants, database ids) are set to the sample's
 * values before comparing: the caller names them by JSON pointer, and only a value of the same shape is
 * replaced (a number by a number, an ISO instant by an ISO instant), so a change of type or format
 * still shows. The envelope's {@code id} becomes a fixed UUID per type.
 *
 * <p>To rewrite the samples after an intended change (a field added), run the producer's tests with
 * {@code -Dduban.samples.write=true} (or {@code DUBAN_SAMPLES_WRITE=true}) and review the diff.
 */
public final class EventSamples {

    /** The system property (or, upper-cased with underscores, environment variable) that rewrites samples. */
    public static final String WRITE = "duban.samples.write";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private EventSamples() {
    }

    /** Where the samples live (once, in the events contract module). */
    public static Path directory() {
        return Checkout.root().resolve("deploy/libs/events/src/test/resources/samples");
    }

    /** The committed sample of {@code type}, e.g. {@code duban.assignment.created}: a CloudEvent in JSON. */
    public static String read(String type) {
        Path file = directory().resolve(type + ".json");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no sample " + file, e);
        }
    }

    /** The id every sample of {@code type} carries instead of the random one. */
    public static String eventId(String type) {
        return UUID.nameUUIDFromBytes(type.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Fails unless {@code event} (a CloudEvent as its producer wrote it) equals the committed sample of its
     * type once the values that vary have the sample's values.
     *
     * @param stable JSON pointer → the sample's value, e.g. {@code "/time" → "2022-06-06T02:00:00Z"},
     *               {@code "/data/id" → 990201L}, {@code "/data/replacedBy" → List.of(990203L, 990204L)}
     */
    public static void check(String event, Map<String, ?> stable) {
        JsonNode tree = parse(event);
        String type = tree.path("type").asText();
        if (type.isEmpty()) {
            fail("not a CloudEvent: " + event);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("/id", eventId(type));
        values.putAll(stable);
        values.forEach((pointer, value) -> replace(tree, pointer, JSON.valueToTree(value)));
        JsonNode actual = parse(pretty(tree)); // numbers as they read back from the file
        Path file = directory().resolve(type + ".json");
        if (writing()) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, pretty(actual), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (!Files.exists(file)) {
            fail("There is no sample " + file + " yet: run this test with -D" + WRITE + "=true to write it.");
        }
        JsonNode expected = parse(read(type));
        if (!expected.equals(actual)) {
            fail(type + " is not written the way the committed sample shows it (" + file + ").\n"
                    + "The wire format is public: add fields, never rename or remove them. If the change is intended, "
                    + "rewrite the samples by running this test with -D" + WRITE + "=true and review the diff.\n"
                    + "sample:\n" + pretty(expected) + "written now:\n" + pretty(actual));
        }
    }

    /**
     * The JSON field names Jackson writes for {@code type} (a REST view or an event record), sorted: what a
     * producer's test compares so that a field the view gains is not silently missing from the event.
     */
    public static java.util.SortedSet<String> fieldNames(Class<?> type) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        JSON.getSerializationConfig().introspect(JSON.constructType(type)).findProperties()
                .forEach(p -> names.add(p.getName()));
        return names;
    }

    private static boolean writing() {
        return Boolean.parseBoolean(System.getProperty(WRITE, System.getenv("DUBAN_SAMPLES_WRITE")));
    }

    private static void replace(JsonNode tree, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode current = tree.at(pointer);
        if (current.isMissingNode() || !sameShape(current, value)) {
            return; // left as written, so the comparison shows it
        }
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static boolean sameShape(JsonNode written, JsonNode sample) {
        if (sample.isTextual()) {
            if (!written.isTextual()) {
                return false;
            }
            String text = written.asText();
            if (INSTANT.matcher(sample.asText()).matches()) {
                return INSTANT.matcher(text).matches();
            }
            if (UUID_TEXT.matcher(sample.asText()).matches()) {
                return UUID_TEXT.matcher(text).matches();
            }
            return true;
        }
        if (sample.isIntegralNumber()) {
            return written.isIntegralNumber();
        }
        if (sample.isArray()) {
            if (!written.isArray() || written.size() != sample.size()) {
                return false;
            }
            for (int i = 0; i < sample.size(); i++) {
                if (!sameShape(written.get(i), sample.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return written.getNodeType() == sample.getNodeType();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    private static String pretty(JsonNode tree) {
        return PrettyJson.write(tree);
    }
}
