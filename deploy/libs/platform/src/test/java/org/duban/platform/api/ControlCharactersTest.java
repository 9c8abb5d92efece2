package org.duban.platform.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ControlCharactersTest {

    @ParameterizedTest
    @CsvSource({
            "/api/units/%00, true",
            "/api/units?parent=%00, true",
            "/api/tasks?unit=abc%00def, true",
            "/api/units/gov-340100, false",
            "/api/units?q=%E5%90%88%E8%82%A5, false",
            "/api/units?q=100%25, false",
            "/api/units?q=%2500, false",
            "/api/units?q=%0, false",
    })
    void findsNulInPathAndQuery(String uri, boolean nul) {
        assertEquals(nul, ControlCharacters.hasNul(uri));
    }
}
