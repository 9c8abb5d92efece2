package org.duban.platform.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Content-Type headers are media types (and go on to the resource) and which are refused with 415. */
class ContentTypeHeaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain; charset=UTF-8", "text/csv;charset=GBK",
            "multipart/form-data; boundary=----x", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/json; charset=x-no-such-charset"})
    void mediaTypesGoOn(String header) {
        assertTrue(ContentTypeHeader.readable(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{7*7}}/${jndi:x}", "/json", "a/b/c"})
    void garbageIsRefused(String header) {
        assertFalse(ContentTypeHeader.readable(header));
    }
}
