package org.duban.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the OpenAPI documents of the gateway and the services into one, as the gateway serves it:
 * every path once, components side by side (a component that two services name alike but define
 * differently is renamed for the later service, {@code TaskServicePageResponse}, and that service's
 * references follow), tags once, and one security scheme — Keycloak's authorization code flow with
 * PKCE, plus a plain bearer token — that every secured operation names.
 */
public final class OpenApiMerger {

    public static final String SCHEME = "keycloak";
    public static final String BEARER = "bearer";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** What the merge produced, and what it had to work around. */
    public record Result(ObjectNode document, List<String> warnings) {
    }

    private final URI authorizationUrl;
    private final URI tokenUrl;

    public OpenApiMerger(URI authorizationUrl, URI tokenUrl) {
        this.authorizationUrl = authorizationUrl;
        this.tokenUrl = tokenUrl;
    }

    /**
     * @param documents by source name (the gateway first, then each service), in order of precedence
     * @param missing   services whose document could not be had; named in the description
     */
    public Result merge(String title, String version, Map<String, JsonNode> documents, List<String> missing) {
        List<String> warnings = new ArrayList<>();
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", description(documents.keySet(), missing));
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Set<String> tagNames = new HashSet<>();

        documents.forEach((source, original) -> {
            if (original == null || !original.isObject()) {
                return;
            }
            ObjectNode doc = ((ObjectNode) original).deepCopy();
            Map<String, String> renamed = addComponents(source, doc, components, warnings);
            rewriteRefs(doc, renamed);
            JsonNode docPaths = doc.path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = docPaths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (paths.has(path.getKey())) {
                    warnings.add(source + " also describes " + path.getKey() + "; the first description is kept");
                    continue;
                }
                paths.set(path.getKey(), secured(path.getValue()));
            }
            for (JsonNode tag : doc.path("tags")) {
                if (tag.hasNonNull("name") && tagNames.add(tag.get("name").asText())) {
                    tags.add(tag);
                }
            }
        });
        components.set("securitySchemes", securitySchemes());
        merged.putArray("security").add(requirement(SCHEME)).add(requirement(BEARER));
        return new Result(merged, warnings);
    }

    private static String description(Set<String> sources, List<String> missing) {
        StringBuilder text = new StringBuilder("Every Duban endpoint, as reached through the gateway. Log in with "
                + "\"Authorize\" (Keycloak, client duban-web, authorization code with PKCE) or paste a bearer token.");
        text.append("\n\nMerged from: ").append(String.join(", ", sources)).append('.');
        if (!missing.isEmpty()) {
            text.append("\n\nNot reachable when this document was made, so left out: ")
                    .append(String.join(", ", missing)).append('.');
        }
        return text.toString();
    }

    /** Adds the document's components; answers the references renamed ("#/components/schemas/X" → new ref). */
    private static Map<String, String> addComponents(String source, ObjectNode doc, ObjectNode into, List<String> warnings) {
        Map<String, String> renamed = new HashMap<>();
        Map<String, Map<String, JsonNode>> additions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> kinds = doc.path("components").fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> kind = kinds.next();
            if (kind.getKey().equals("securitySchemes") || !kind.getValue().isObject()) {
                continue; // the gateway's scheme replaces them all
            }
            ObjectNode existing = child(into, kind.getKey());
            Map<String, JsonNode> added = additions.computeIfAbsent(kind.getKey(), k -> new LinkedHashMap<>());
            for (Iterator<Map.Entry<String, JsonNode>> it = kind.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> component = it.next();
                String name = component.getKey();
                JsonNode known = existing.get(name);
                if (known == null) {
                    added.put(name, component.getValue());
                } else if (!known.equals(component.getValue())) {
                    String alias = prefix(source) + name;
                    for (int n = 2; existing.has(alias); n++) {
                        alias = prefix(source) + name + n;
                    }
                    renamed.put("#/components/" + kind.getKey() + "/" + name, "#/components/" + kind.getKey() + "/" + alias);
                    added.put(alias, component.getValue());
                    warnings.add(source + " defines " + kind.getKey() + " " + name + " differently; it is " + alias + " here");
                }
            }
        }
        additions.forEach((kind, added) -> {
            ObjectNode target = child(into, kind);
            added.forEach((name, value) -> {
                ObjectNode copy = NODES.objectNode();
                copy.set("v", value);
                rewriteRefs(copy, renamed);
                target.set(name, copy.get("v"));
            });
        });
        return renamed;
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
    }

    /** "task-service" → "TaskService". */
    static String prefix(String source) {
        StringBuilder out = new StringBuilder();
        for (String part : source.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.put("$ref", renamed.get(ref.asText()));
            }
            object.forEach(child -> rewriteRefs(child, renamed));
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    /** Every operation that asks for a security scheme asks for the gateway's (Keycloak or a bearer token). */
    private static JsonNode secured(JsonNode pathItem) {
        if (!pathItem.isObject()) {
            return pathItem;
        }
        pathItem.fields().forEachRemaining(entry -> {
            if (OPERATIONS.contains(entry.getKey()) && entry.getValue().isObject()) {
                ObjectNode operation = (ObjectNode) entry.getValue();
                JsonNode security = operation.get("security");
                if (security != null && security.isArray() && !security.isEmpty()) {
                    List<String> scopes = new ArrayList<>();
                    security.forEach(requirement -> requirement.forEach(s -> s.forEach(scope -> scopes.add(scope.asText()))));
                    ArrayNode replaced = operation.putArray("security");
                    ObjectNode keycloak = replaced.addObject();
                    ArrayNode scopeList = keycloak.putArray(SCHEME);
                    scopes.stream().distinct().forEach(scopeList::add);
                    replaced.add(requirement(BEARER));
                }
            }
        });
        return pathItem;
    }

    private static ObjectNode requirement(String scheme) {
        ObjectNode requirement = NODES.objectNode();
        requirement.putArray(scheme);
        return requirement;
    }

    private ObjectNode securitySchemes() {
        ObjectNode schemes = NODES.objectNode();
        ObjectNode keycloak = schemes.putObject(SCHEME);
        keycloak.put("type", "oauth2");
        keycloak.put("description", "Keycloak realm duban: log in as a user (authorization code with PKCE, client duban-web)");
        ObjectNode code = keycloak.putObject("flows").putObject("authorizationCode");
        code.put("authorizationUrl", authorizationUrl.toString());
        code.put("tokenUrl", tokenUrl.toString());
        code.put("refreshUrl", tokenUrl.toString());
        ObjectNode scopes = code.putObject("scopes");
        scopes.put("openid", "OpenID Connect sign-in");
        scopes.put("profile", "The user's name");
        ObjectNode bearer = schemes.putObject(BEARER);
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "An access token from the realm duban, e.g. from the password or client-credentials grant");
        return schemes;
    }
}
