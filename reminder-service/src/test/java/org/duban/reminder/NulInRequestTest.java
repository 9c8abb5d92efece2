package org.duban.reminder;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.NulRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A NUL byte in a path or query value is a 400 problem, not the database's 500. */
@QuarkusTest
class NulInRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/webhooks?unit=%00", "/api/notifications?unit=%00", "/api/reminder-policies/%00",
            "/api/calendar/%00"})
    void isABadRequest(String uri) {
        NulRequests.assertRefused(uri);
    }
}
