package org.duban.unit;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.NulRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A NUL byte in a path or query value is a 400 problem, not the database's 500. */
@QuarkusTest
class NulInRequestTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/units/%00", "/api/units?parent=%00", "/api/units?q=%00", "/api/units/gov-340100%00",
            "/api/unit-groups/%00"})
    void isABadRequest(String uri) {
        NulRequests.assertRefused(uri);
    }
}
