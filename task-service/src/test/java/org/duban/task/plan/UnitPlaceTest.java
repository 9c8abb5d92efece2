package org.duban.task.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitPlaceTest {

    @ParameterizedTest(name = "{0} is {1} in {2}")
    @CsvSource(nullValues = "-", value = {
            "gov-340000, PROVINCE, -",            // 安徽省人民政府
            "ah-fgw, PROVINCE, -",                // a provincial department
            "ah-zwgkb, PROVINCE, -",
            "gov-340100, CITY, gov-340100",       // 合肥市人民政府: its own city
            "gov-341800, CITY, gov-341800",       // 宣城市
            "gov-340123, COUNTY, gov-340100",     // 肥西县
            "gov-340102, COUNTY, gov-340100",     // 瑶海区
            "gov-341881, COUNTY, gov-341800",     // 宁国市, a county-level city
            "zone-340176, COUNTY, gov-340100",    // 合肥高新技术产业开发区
            "gov-3401, PROVINCE, -",              // not a division code: no place to read
            "gov-34010x, PROVINCE, -",
    })
    void theCodeSaysTheLevelAndTheCity(String code, UnitPlace.Level level, String city) {
        assertEquals(new UnitPlace(level, city), UnitPlace.of(code));
    }
}
