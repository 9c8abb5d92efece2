package org.duban.task.api;

import io.restassured.path.json.JsonPath;
import org.duban.testsupport.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;

/** The Anhui 2022 plan, imported once per test JVM (and found again after a Quarkus restart). */
final class SamplePlan {

    static final String DOCUMENT_NUMBER = "皖政务办〔2022〕3号";
    private static Long planId;

    private SamplePlan() {
    }

    static String text() {
        try (InputStream in = SamplePlan.class.getResourceAsStream("/anhui-2022-disclosure-plan.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized long id() {
        if (planId == null) {
            JsonPath plans = given().auth().oauth2(TestTokens.admin()).when().get("/api/plans?size=500").then().statusCode(200)
                    .extract().jsonPath();
            Integer existing = plans.getList("items.findAll { it.documentNumber == '" + DOCUMENT_NUMBER + "' }.id", Integer.class)
                    .stream().findFirst().orElse(null);
            if (existing != null) {
                planId = existing.longValue();
            } else {
                planId = given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                        .body(text().getBytes(StandardCharsets.UTF_8))
                        .when().post("/api/plans/import").then().statusCode(201)
                        .extract().jsonPath().getLong("plan.id");
            }
        }
        return planId;
    }

    /** The id of one unit's assignment in one task of the sample plan. */
    static long assignment(int taskNumber, String unitCode) {
        return given().auth().oauth2(TestTokens.admin())
                .queryParam("planId", id()).queryParam("taskNumber", taskNumber).queryParam("unit", unitCode)
                .when().get("/api/assignments").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }
}
