package org.duban.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every data service answers a NUL byte in a path or query with a 400 problem, not the database's 500. */
public final class NulRequests {

    private NulRequests() {
    }

    /** Sends {@code uri} as it is (no further encoding) with an admin token and expects the 400 problem. */
    public static void assertRefused(String uri) {
        given().auth().oauth2(TestTokens.admin()).urlEncodingEnabled(false)
                .when().get(uri)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("NUL"));
    }
}
