package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.duban.systemtest.HostileValues.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The campaign's requests, read off the merged OpenAPI document: for every operation, hostile path
 * values, hostile query values (each parameter in turn), hostile bodies in every media type it takes
 * (broken, huge, of the wrong shape, in broken encodings, and shaped like its schema with a hostile
 * value in every field), and hostile headers. Drawn with a {@link Random} seeded per operation, so the
 * same seed gives the same requests whatever else the document holds.
 *
 * <p>Writes never touch anything that exists: their path parameters name no stored resource, every
 * query parameter is hostile, bodies are invalid. So every write must be refused, and the campaign can
 * require that nothing stored changed.
 */
final class HostileRequests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Above any body limit (10 MB): the gateway must refuse it with a 413 problem. */
    private static final int OVER_THE_LIMIT = 11 * 1024 * 1024;

    /** One parameter of an operation, as the document declares it. */
    record Param(String name, String in, String type, String format) {
    }

    /** One operation of the document. */
    record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies) {

        boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        String key() {
            return method + " " + path;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    /**
     * One request to send (as each user); {@code headers} may replace the user's Authorization.
     * {@code malformed}: not even valid HTTP (a broken escape or a raw byte in the target, a control
     * character in a header), which Vert.x may refuse while decoding, before any route of Duban's runs.
     */
    record Request(Operation operation, String variant, byte[] target, Map<String, String> headers, byte[] body,
                   boolean malformed) {
    }

    private final JsonNode document;
    /** A real value for a path parameter of a read, by the path it is in and its name. */
    private final BiFunction<String, String, String> existing;
    private final long seed;

    HostileRequests(JsonNode document, BiFunction<String, String, String> existing, long seed) {
        this.document = document;
        this.existing = existing;
        this.seed = seed;
    }

    /** Every operation of the document, in its order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "delete", "patch")) {
                JsonNode op = path.getValue().get(method);
                if (op == null || streams(op)) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                    JsonNode param = resolve(p);
                    JsonNode schema = resolve(param.path("schema"));
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                            schema.path("type").asText(null), schema.path("format").asText(null)));
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                resolve(op.path("requestBody")).path("content").fields()
                        .forEachRemaining(c -> bodies.put(c.getKey(), resolve(c.getValue().path("schema"))));
                operations.add(new Operation(method.toUpperCase(), path.getKey(), params, bodies));
            }
        }
        return operations;
    }

    /**
     * An answer that is an endless event stream (the live inbox, {@code text/event-stream}) never ends for a request
     * it accepts, so a campaign that reads each answer whole leaves it out; its refusals are reminder-service's tests.
     */
    private static boolean streams(JsonNode op) {
        for (JsonNode response : op.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /** The hostile requests for one operation. */
    List<Request> of(Operation op) {
        Random random = new Random(seed ^ op.key().hashCode());
        List<Request> requests = new ArrayList<>();
        Map<String, String> plain = Map.of("Accept", "application/json");
        requests.add(request(op, "baseline", pathWith(op, null, null), query(op, null, null), plain, null, false));
        for (Param param : op.in("path")) {
            List<Value> values = new ArrayList<>(HostileValues.draw(HostileValues.forParameter(param.type(), param.format()), 14, random));
            values.addAll(HostileValues.longOnes());
            for (Value value : values) {
                requests.add(request(op, "path " + param.name() + " = " + value.label() + " " + shorten(value.text()),
                        pathWith(op, param, value), query(op, null, null), plain, null, value.malformed()));
            }
        }
        for (Param param : op.in("query")) {
            List<Value> values = new ArrayList<>(HostileValues.draw(HostileValues.forParameter(param.type(), param.format()), 8, random));
            values.add(HostileValues.longOnes().get(random.nextInt(3)));
            for (Value value : values) {
                requests.add(request(op, "query " + param.name() + " = " + value.label() + " " + shorten(value.text()),
                        pathWith(op, null, null), query(op, param, value), plain, null, value.malformed()));
            }
        }
        for (Map.Entry<String, JsonNode> body : op.bodies().entrySet()) {
            for (Map.Entry<String, byte[]> hostile : bodies(body.getKey(), body.getValue(), random).entrySet()) {
                String contentType = hostile.getKey().startsWith("as ") ? hostile.getKey().substring(3, hostile.getKey().indexOf(':'))
                        : body.getKey();
                requests.add(request(op, "body " + body.getKey() + ": " + hostile.getKey(), pathWith(op, null, null),
                        query(op, null, null), Map.of("Accept", "application/json", "Content-Type", contentType), hostile.getValue(), false));
            }
        }
        for (Map.Entry<String, Map<String, String>> headers : headers(op).entrySet()) {
            requests.add(request(op, "headers: " + headers.getKey(), pathWith(op, null, null), query(op, null, null),
                    headers.getValue(), op.bodies().isEmpty() ? null : "{".getBytes(StandardCharsets.UTF_8),
                    headers.getKey().startsWith("control character")));
        }
        return requests;
    }

    /** A body over every limit, for one operation of each service only (it costs 11 MB a request). */
    Request oversized(Operation op) {
        String type = op.bodies().keySet().iterator().next();
        return request(op, "body " + type + ": 11 MB", pathWith(op, null, null), query(op, null, null),
                Map.of("Accept", "application/json", "Content-Type", type), new byte[OVER_THE_LIMIT], false);
    }

    private static Request request(Operation op, String variant, String path, String query, Map<String, String> headers,
                                   byte[] body, boolean malformed) {
        String target = query.isEmpty() ? path : path + "?" + query;
        // a request line as a client may send it: escapes as written, anything else as UTF-8
        return new Request(op, variant, target.getBytes(StandardCharsets.UTF_8), headers, body, malformed);
    }

    /**
     * The path with {@code hostile} for {@code param} and every other parameter filled: a stored resource
     * for a read, one that does not exist for a write.
     */
    private String pathWith(Operation op, Param param, Value hostile) {
        String path = op.path();
        for (Param p : op.in("path")) {
            String value;
            if (p.equals(param)) {
                value = hostile.inTarget();
            } else if (op.writes()) {
                value = "integer".equals(p.type()) || "number".equals(p.type()) ? "987654321" : "no-such-thing-0";
            } else {
                value = HostileValues.encode(existing.apply(op.path(), p.name()));
            }
            path = path.replace("{" + p.name() + "}", value);
        }
        return path;
    }

    /**
     * The query: {@code hostile} for {@code param}; a read leaves its other parameters out, a write gives
     * each an invalid value (a write that left one out might do something with its default).
     */
    private String query(Operation op, Param param, Value hostile) {
        List<String> pairs = new ArrayList<>();
        for (Param p : op.in("query")) {
            if (p.equals(param)) {
                pairs.add(HostileValues.encode(p.name()) + "=" + hostile.inTarget());
            } else if (op.writes()) {
                pairs.add(HostileValues.encode(p.name()) + "=" + HostileValues.encode("'"));
            }
        }
        return String.join("&", pairs);
    }

    /** Hostile bodies for one media type: label → bytes (a label "as <type>: …" sends another Content-Type). */
    private Map<String, byte[]> bodies(String mediaType, JsonNode schema, Random random) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        if (mediaType.contains("json")) {
            bodies.put("empty", new byte[0]);
            bodies.put("null", utf8("null"));
            bodies.put("unterminated object", utf8("{\"a\": "));
            bodies.put("unterminated string", utf8("{\"text\": \"abc"));
            bodies.put("single quotes", utf8("{'to': 'COMPLETED'}"));
            bodies.put("trailing garbage", utf8("{} ' OR 1=1 --"));
            bodies.put("array", utf8("[1, 2, 3]"));
            bodies.put("string", utf8("\"' OR '1'='1\""));
            bodies.put("number", utf8("1e309"));
            bodies.put("nested 100,000 deep", utf8("[".repeat(100_000) + "]".repeat(100_000)));
            bodies.put("object nested 5,000 deep", utf8("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
            bodies.put("number of 100,000 digits", utf8("{\"percent\": " + "9".repeat(100_000) + "}"));
            bodies.put("string of 5 MB", utf8(shaped(schema, random, 0).put("text", "字".repeat(1_700_000)).toString()));
            bodies.put("not UTF-8 in a string", HostileValues.bytes("{\"text\": \"", new int[] {0xC3, 0x28, 0xFF, 0xFE}, "\"}"));
            bodies.put("overlong UTF-8", HostileValues.bytes("{\"note\": \"", new int[] {0xC0, 0xAF, 0xE0, 0x80, 0xAF}, "\"}"));
            bodies.put("raw control characters", HostileValues.bytes("{\"text\": \"", new int[] {0x00, 0x01, 0x1B, 0x7F}, "\"}"));
            bodies.put("UTF-16", "{\"text\": \"合肥\"}".getBytes(StandardCharsets.UTF_16));
            bodies.put("duplicate keys", utf8("{\"to\": \"IN_PROGRESS\", \"to\": \"' OR 1=1\"}"));
            for (int i = 0; i < 6; i++) {
                bodies.put("shaped like the schema, hostile values #" + (i + 1), utf8(shaped(schema, random, 0).toString()));
            }
            bodies.put("as text/plain: JSON sent as text", utf8(shaped(schema, random, 0).toString()));
            bodies.put("as application/x-www-form-urlencoded: a form", utf8("to=COMPLETED&text=%00"));
        } else if (mediaType.startsWith("multipart/")) {
            String boundary = "duban-hostile-boundary";
            bodies.put("as multipart/form-data: no boundary", utf8("--x\r\n\r\nabc\r\n--x--\r\n"));
            bodies.put("as multipart/form-data; boundary=" + boundary + ": never closed",
                    utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.txt\"\r\n\r\nabc"));
            bodies.put("as multipart/form-data; boundary=" + boundary + ": no name",
                    utf8("--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--" + boundary + "--\r\n"));
            bodies.put("as multipart/form-data; boundary=" + boundary + ": traversal file name",
                    part(boundary, "../../../../etc/passwd", "application/octet-stream", utf8("root:x:0:0")));
            bodies.put("as multipart/form-data; boundary=" + boundary + ": a .docx of garbage",
                    part(boundary, "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            utf8("PK\u0003\u0004 not a zip at all")));
            bodies.put("as multipart/form-data; boundary=" + boundary + ": an .xlsx of garbage",
                    part(boundary, "units.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            utf8("PK\u0003\u0004' OR 1=1")));
            bodies.put("as multipart/form-data; boundary=" + boundary + ": NUL in the file name",
                    part(boundary, "a\u0000.txt", "text/plain", utf8("abc")));
            bodies.put("as multipart/form-data; boundary=" + boundary + ": not UTF-8",
                    part(boundary, "plan.txt", "text/plain", HostileValues.bytes("", new int[] {0xFF, 0xFE, 0xC3, 0x28}, "")));
        } else {
            // documents: plain text, CSV, spreadsheets
            bodies.put("empty", new byte[0]);
            HostileValues.INJECTIONS.stream().limit(5).forEach(v -> bodies.put("injection " + shorten(v), utf8(v)));
            bodies.put("NUL bytes", new byte[] {0, 0, 0, 'a', 0});
            bodies.put("not UTF-8", HostileValues.bytes("一、", new int[] {0xFF, 0xFE, 0xC3, 0x28, 0x80}, "\n"));
            bodies.put("a header row of injections", utf8("code,name,parentCode\n' OR 1=1 --,{{7*7}},${jndi:x}\n"));
            bodies.put("5 MB of one line", utf8("一".repeat(1_700_000)));
            bodies.put("a zip that is not an Office file", HostileValues.bytes("PK", new int[] {3, 4, 20, 0, 0, 0, 8, 0}, "garbage"));
        }
        return bodies;
    }

    /** An object with the schema's properties, every value hostile (wrong types, injections, no dates), maybe nested. */
    private ObjectNode shaped(JsonNode schema, Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        JsonNode resolved = resolve(schema);
        for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            object.set(property.getKey(), hostileFor(resolve(property.getValue()), random, depth));
        }
        if (object.isEmpty()) {
            object.put("text", pick(HostileValues.INJECTIONS, random));
        }
        return object;
    }

    private JsonNode hostileFor(JsonNode schema, Random random, int depth) {
        String type = schema.path("type").asText("");
        return switch (random.nextInt(4) == 0 ? "wrong" : type) {
            case "integer", "number" -> random.nextBoolean() ? NODES.textNode(pick(HostileValues.NOT_IDS, random))
                    : NODES.numberNode(new java.math.BigDecimal("1e400"));
            case "boolean" -> NODES.textNode(pick(HostileValues.NOT_BOOLEANS, random));
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 2) {
                    array.add(hostileFor(resolve(schema.path("items")), random, depth + 1));
                }
                array.add(NODES.objectNode().put("$where", "1 == 1"));
                yield array;
            }
            case "object" -> depth < 2 ? shaped(schema, random, depth + 1) : NODES.textNode("{}");
            case "string" -> schema.has("enum") || schema.path("format").asText("").startsWith("date")
                    ? NODES.textNode(random.nextBoolean() ? pick(HostileValues.NOT_DATES, random) : pick(HostileValues.INJECTIONS, random))
                    : NODES.textNode(random.nextInt(5) == 0 ? pick(HostileValues.ODD_TEXT, random) + pick(HostileValues.INJECTIONS, random)
                    : pick(HostileValues.INJECTIONS, random));
            default -> switch (random.nextInt(4)) { // the wrong type on purpose
                case 0 -> NODES.arrayNode().add("' OR 1=1");
                case 1 -> NODES.objectNode().put("$ne", 1);
                case 2 -> NODES.booleanNode(true);
                default -> NODES.numberNode(-1);
            };
        };
    }

    /** The headers variants: a forged token, unreadable Accept and Content-Type, hostile preconditions. */
    private static Map<String, Map<String, String>> headers(Operation op) {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("a forged bearer token", Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
                "Content-Type", "application/json"));
        variants.put("Authorization not a bearer", Map.of("Authorization", "Basic ' OR 1=1", "Content-Type", "application/json"));
        variants.put("Accept */*/", Map.of("Accept", "*/*/", "Content-Type", "application/json"));
        variants.put("Accept ../../", Map.of("Accept", "../../", "Content-Type", "application/json"));
        variants.put("Content-Type with an unknown charset", Map.of("Content-Type", "application/json; charset=x-no-such-charset"));
        variants.put("Content-Type garbage", Map.of("Content-Type", "{{7*7}}/${jndi:x}"));
        if (op.writes()) {
            variants.put("If-Match unterminated", Map.of("If-Match", "\"7", "Content-Type", "application/json"));
            variants.put("If-Match of 10,000 characters", Map.of("If-Match", "\"" + "9".repeat(10_000) + "\"",
                    "Content-Type", "application/json"));
            variants.put("If-Match injection", Map.of("If-Match", "W/\"' OR 1=1 --\"", "Content-Type", "application/json"));
        }
        variants.put("X-Request-Id injection", Map.of("X-Request-Id", "x' OR 1=1 --<script>", "Content-Type", "application/json"));
        variants.put("control character in a header", Map.of("X-Request-Id", "x\u001b[31m", "Content-Type", "application/json"));
        return variants;
    }

    private static byte[] part(String boundary, String fileName, String type, byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n"));
        out.writeBytes(content);
        out.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 10; hops++) {
            String ref = node.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        if (node != null && node.has("allOf") && node.get("allOf").size() == 1) {
            return resolve(node.get("allOf").get(0));
        }
        return node == null ? NODES.missingNode() : node;
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    static String shorten(String text) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().limit(41).forEach(c -> printable.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", c) : Character.toString(c)));
        return text.length() <= 40 ? printable.toString() : printable.substring(0, 40) + "…(" + text.length() + " chars)";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
