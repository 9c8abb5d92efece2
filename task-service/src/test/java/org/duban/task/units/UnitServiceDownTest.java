package org.duban.task.client;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without unit-service no responsibility text can be resolved: a clear 503, and nothing is imported. */
@QuarkusTest
@TestProfile(UnitServiceDownTest.NoUnitService.class)
class UnitServiceDownTest {

    public static class NoUnitService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.unit-service.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void importAnswers503AndStoresNothing() throws Exception {
        String text;
        try (var in = getClass().getResourceAsStream("/anhui-2022-disclosure-plan.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String number = "停机〔2022〕" + System.nanoTime() + "号";
        given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .queryParam("documentNumber", number).body(text.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plans/import")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("unit-service"))
                .body("detail", containsString("not imported"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/plans?size=500")
                .then().statusCode(200).body("items.findAll { it.documentNumber == '" + number + "' }.size()", equalTo(0));
    }
}
