package org.duban.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger(URI.create("https://sso.example/realms/duban/protocol/openid-connect/auth"),
            URI.create("https://sso.example/realms/duban/protocol/openid-connect/token"));

    @Test
    void pathsOfEveryDocumentAreKeptAndTheFirstWinsAClash() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("a-service", JSON.readTree("{\"paths\":{\"/api/a\":{\"get\":{\"summary\":\"A\"}},\"/api/x\":{\"get\":{\"summary\":\"from a\"}}}}"));
        docs.put("b-service", JSON.readTree("{\"paths\":{\"/api/b\":{\"get\":{\"summary\":\"B\"}},\"/api/x\":{\"get\":{\"summary\":\"from b\"}}}}"));
        OpenApiMerger.Result result = merger.merge("Duban API", "1", docs, List.of());
        JsonNode paths = result.document().get("paths");
        assertTrue(paths.has("/api/a") && paths.has("/api/b"));
        assertEquals("from a", paths.at("/~1api~1x/get/summary").asText());
        assertEquals(1, result.warnings().size());
    }

    @Test
    void clashingSchemasAreRenamedWithNestedReferencesFollowing() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("unit-service", JSON.readTree("{\"components\":{\"schemas\":{\"Page\":{\"type\":\"object\"},"
                + "\"Item\":{\"type\":\"string\"}}}}"));
        docs.put("task-service", JSON.readTree("{\"paths\":{\"/api/t\":{\"get\":{\"responses\":{\"200\":{\"content\":"
                + "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Page\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"Page\":{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\","
                + "\"items\":{\"$ref\":\"#/components/schemas/Item\"}}}},\"Item\":{\"type\":\"integer\"}}}}"));
        JsonNode merged = merger.merge("Duban API", "1", docs, List.of()).document();
        JsonNode schemas = merged.at("/components/schemas");
        assertEquals("object", schemas.at("/Page/type").asText());
        assertEquals("#/components/schemas/TaskServiceItem", schemas.at("/TaskServicePage/properties/items/items/$ref").asText());
        assertEquals("integer", schemas.at("/TaskServiceItem/type").asText());
        assertEquals("#/components/schemas/TaskServicePage",
                merged.at("/paths/~1api~1t/get/responses/200/content/application~1json/schema/$ref").asText());
    }

    @Test
    void theServicesSchemesGiveWayToKeycloakAndBearer() throws Exception {
        Map<String, JsonNode> docs = Map.of("svc", JSON.readTree("{\"paths\":{\"/api/s\":{\"get\":{\"security\":[{\"SecurityScheme\":[]}]},"
                + "\"post\":{}}},\"components\":{\"securitySchemes\":{\"SecurityScheme\":{\"type\":\"openIdConnect\"}}}}"));
        JsonNode merged = merger.merge("Duban API", "1", docs, List.of()).document();
        assertEquals(List.of("keycloak", "bearer"), iterator(merged.at("/components/securitySchemes").fieldNames()));
        assertEquals("https://sso.example/realms/duban/protocol/openid-connect/token",
                merged.at("/components/securitySchemes/keycloak/flows/authorizationCode/tokenUrl").asText());
        assertTrue(merged.at("/paths/~1api~1s/get/security/0").has("keycloak"));
        assertTrue(merged.at("/paths/~1api~1s/get/security/1").has("bearer"));
        assertFalse(merged.at("/paths/~1api~1s/post").has("security"), "an open operation stays open");
    }

    private static List<String> iterator(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void missingServicesAreNamed() {
        JsonNode merged = merger.merge("Duban API", "1", Map.of(), List.of("reminder-service")).document();
        assertTrue(merged.at("/info/description").asText().contains("left out: reminder-service"));
    }

    @Test
    void serviceNamesBecomePrefixes() {
        assertEquals("TaskService", OpenApiMerger.prefix("task-service"));
        assertEquals("Gateway", OpenApiMerger.prefix("gateway"));
    }
}
