package org.duban.task;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.NulRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A NUL byte in a path or query value is a 400 problem, not the database's 500. */
@QuarkusTest
class NulInRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/tasks?unit=%00", "/api/assignments?unit=%00", "/api/plans/%00",
            "/api/assignments?status=%00"})
    void isABadRequest(String uri) {
        NulRequests.assertRefused(uri);
    }
}
