package org.duban.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.duban.gateway.CommittedServices;
import org.duban.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged document of the real services (their committed documents, which each service's tests hold
 * to what it serves): every operation has an operationId, no two share one — across services too — and
 * the document is the committed {@code docs/openapi/duban.json} the console's client is generated from.
 */
@QuarkusTest
@QuarkusTestResource(value = CommittedServices.class, restrictToAnnotatedClass = true)
class OperationIdsTest {

    @Test
    void everyOperationOfTheMergedDocumentHasANameOfItsOwn() {
        JsonNode merged = merged();
        OpenApiDocuments.assertOperationIds("the merged document", merged);
        assertTrue(merged.at("/info/description").asText().contains("reminder-service"), "every service was merged");
        assertEquals("getMe", merged.at("/paths/~1api~1me/get/operationId").asText());
        int operations = 0;
        for (String service : CommittedServices.SERVICES) {
            operations += operationIds(OpenApiDocuments.committed(service)).size();
        }
        assertEquals(operations + 1, operationIds(merged).size(), "every service's operations and the gateway's GET /api/me");
    }

    @Test
    void theMergedDocumentIsTheCommittedOne() {
        OpenApiDocuments.assertMatchesCommitted("duban", merged());
    }

    @Test
    void aMissingOrSharedNameIsFound() {
        JsonNode broken = OpenApiDocuments.parse("{\"paths\": {"
                + "\"/api/a\": {\"get\": {\"operationId\": \"listThings\"}, \"post\": {}},"
                + "\"/api/b\": {\"get\": {\"operationId\": \"listThings\"}, \"delete\": {\"operationId\": \"Delete_b\"},"
                + " \"parameters\": []}}}");
        assertEquals(List.of("POST /api/a has no operationId", "DELETE /api/b has the operationId 'Delete_b', not camelCase",
                "listThings names GET /api/a and GET /api/b"), OpenApiDocuments.operationIdProblems(broken));
    }

    private static JsonNode merged() {
        return OpenApiDocuments.parse(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    private static List<String> operationIds(JsonNode document) {
        List<String> ids = new ArrayList<>();
        document.path("paths").forEach(path -> path.forEach(op -> {
            if (op.has("operationId")) {
                ids.add(op.get("operationId").asText());
            }
        }));
        return ids;
    }
}
