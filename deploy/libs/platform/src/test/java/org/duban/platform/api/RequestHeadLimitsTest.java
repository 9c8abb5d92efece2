package org.duban.platform.api;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lengths the head limits compare, counted the way Vert.x counts against its own caps. */
class RequestHeadLimitsTest {

    @Test
    void theRequestLineIsMethodTargetAndVersion() {
        assertEquals("GET /api/units?q=x HTTP/1.1".length(), RequestHeadLimits.lineLength("GET", "/api/units?q=x"));
        assertEquals("DELETE /api/units/gov-340100 HTTP/1.1".length(), RequestHeadLimits.lineLength("DELETE", "/api/units/gov-340100"));
    }

    @Test
    void headerBytesAreEveryNameColonSpaceValueLine() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Host", "localhost")
                .add("Accept", "application/json")
                .add("Accept", "text/plain");
        assertEquals("Host: localhost".length() + "Accept: application/json".length() + "Accept: text/plain".length(),
                RequestHeadLimits.headerBytes(headers));
    }

    @Test
    void noHeadersCountNothing() {
        assertEquals(0, RequestHeadLimits.headerBytes(MultiMap.caseInsensitiveMultiMap()));
    }
}
