package org.duban.task;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A NUL byte in a path or query value is a 400 problem, not the database's 500. */
@QuarkusTest
class NulInRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/tasks?unit=%00", "/api/assignments?unit=%00", "/api/plans/%00",
            "/api/assignments?status=%00"})
    void isABadRequest(String uri) {
        given().auth().oauth2(TestTokens.admin()).urlEncodingEnabled(false)
                .when().get(uri)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("NUL"));
    }
}
