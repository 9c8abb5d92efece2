package org.duban.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.duban.gateway.EchoBackend;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * The gateway's /q/openapi merges its own document with the services' (two stand-ins here; the
 * reminder-service is down and left out), and Swagger UI shows it with a Keycloak login.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class MergedOpenApiTest {

    @Test
    void everyReachableServicesPathsAreInOneDocument() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("info.title", equalTo("Duban API"))
                .body("paths", hasKey("/api/units"))
                .body("paths", hasKey("/api/assignments/{id}"))
                .body("paths", hasKey("/api/me"))
                .body("paths", not(hasKey("/api/notifications")))
                .body("info.description", containsString("left out: reminder-service"))
                .body("tags.name", hasItems("Units", "Assignments", "Me"));
    }

    @Test
    void componentsThatClashAreRenamedAndTheirReferencesFollow() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("TaskServiceProblem"))) // the same in both: kept once
                .body("components.schemas.Status.enum", hasItems("ACTIVE", "INACTIVE"))
                .body("components.schemas.TaskServiceStatus.enum", hasItems("IN_PROGRESS", "COMPLETED"))
                .body("components.schemas.AssignmentView.properties.status.$ref", equalTo("#/components/schemas/TaskServiceStatus"))
                .body("components.schemas.UnitView.properties.status.$ref", equalTo("#/components/schemas/Status"));
    }

    @Test
    void everyOperationLogsInWithKeycloakAuthorizationCode() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        equalTo("http://localhost:8180/realms/duban/protocol/openid-connect/auth"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl",
                        equalTo("http://localhost:8180/realms/duban/protocol/openid-connect/token"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/units'.get.security[0]", hasKey("keycloak"))
                .body("paths.'/api/assignments/{id}'.get.security[1]", hasKey("bearer"));
    }

    @Test
    void yamlUnlessJsonIsAskedFor() {
        given().header("Accept", "*/*")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/assignments/{id}:"));
        given().header("Accept", "application/json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .contentType(containsString("application/json"));
    }

    @Test
    void theGatewaysOwnDocumentStaysAtItsOwnPath() {
        given().queryParam("format", "json")
                .when().get("/q/openapi-gateway")
                .then().statusCode(200)
                .body("paths", hasKey("/api/me"))
                .body("paths", not(hasKey("/api/units")));
    }

    @Test
    void swaggerUiShowsTheMergedDocumentWithPkceLogin() {
        String page = given().when().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("/q/openapi"), "Swagger UI loads the merged document");
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("duban-web"), "Swagger UI logs in as duban-web");
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("usePkceWithAuthorizationCodeGrant: true")
                || page.contains("usePkceWithAuthorizationCodeGrant\":true")
                || page.contains("usePkceWithAuthorizationCodeGrant: 'true'"), "with PKCE");
    }
}
