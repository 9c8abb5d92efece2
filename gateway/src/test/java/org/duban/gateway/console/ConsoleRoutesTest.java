package org.duban.gateway.console;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console is served at / with its client routes (a link such as /plans/1/board opened from WeCom lands in the
 * app), while /api, /q and missing files keep their own answers; /console-config.json says where to log in.
 * The console's files are in target/classes only when the build made them (not with -Dduban.console.skip=true).
 */
@QuarkusTest
class ConsoleRoutesTest {

    private static boolean built() throws Exception {
        try (InputStream in = ConsoleRoutesTest.class.getClassLoader().getResourceAsStream("META-INF/resources/index.html")) {
            return in != null;
        }
    }

    @Test
    void theConsoleIsServedAtTheRootAndAtItsClientRoutes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(built(), "the console was not built (-Dduban.console.skip=true)");
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html")).body(containsString("督办台"));
        for (String route : new String[] {"/plans/1/board", "/my-tasks", "/assignments/42", "/queue"}) {
            given().when().get(route).then().log().ifValidationFails().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .body(containsString("<div id=\"app\">"));
        }
    }

    @Test
    void apiQuarkusAndMissingFilesAreNotTheConsole() {
        given().when().get("/api/nothing-here").then().statusCode(404).contentType(containsString("problem+json"));
        given().when().get("/q/health/live").then().statusCode(200).body(not(containsString("<div id=\"app\">")));
        given().when().get("/q/no-such-endpoint").then().statusCode(404).body(not(containsString("<div id=\"app\">")));
        given().when().get("/assets/missing-file.js").then().statusCode(404);
        given().when().post("/plans").then().statusCode(not(equalTo(200)));
    }

    @Test
    void theBrowserIsToldWhereToLogIn() {
        given().when().get("/console-config.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Cache-Control", equalTo("no-store"))
                .body("clientId", equalTo("duban-web"))
                .body("authServerUrl", equalTo(TestTokens.issuer()));
    }

    @Test
    void clientRoutesAreTheAppsOwnPathsOnly() {
        assertTrue(ConsoleRoutes.CLIENT_ROUTE.matcher("/").matches());
        assertTrue(ConsoleRoutes.CLIENT_ROUTE.matcher("/plans/1/board").matches());
        assertTrue(ConsoleRoutes.CLIENT_ROUTE.matcher("/apidocs").matches());
        assertFalse(ConsoleRoutes.CLIENT_ROUTE.matcher("/api").matches());
        assertFalse(ConsoleRoutes.CLIENT_ROUTE.matcher("/api/plans").matches());
        assertFalse(ConsoleRoutes.CLIENT_ROUTE.matcher("/q/openapi").matches());
        assertFalse(ConsoleRoutes.CLIENT_ROUTE.matcher("/assets/index-abc.js").matches());
        assertFalse(ConsoleRoutes.CLIENT_ROUTE.matcher("/favicon.svg").matches());
    }
}
