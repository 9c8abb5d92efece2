package org.duban.unit.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which units a unit-admin of 合肥市 (gov-340100) covers, on a small tree; the office covers all. */
class UnitScopeTest {

    /** code → parent: the province, two cities, a county of Hefei, Hefei's bureau and a bureau under the county. */
    private static final Map<String, String> TREE = Map.of(
            "gov-340100", "gov-340000",
            "gov-340200", "gov-340000",
            "gov-340123", "gov-340100",
            "hf-sjj", "gov-340100",
            "fx-sjj", "gov-340123",
            "ah-fgw", "gov-340000",
            "loop-a", "loop-b",
            "loop-b", "loop-a");

    @ParameterizedTest(name = "{0}: covers {1}, below {2}")
    @CsvSource({
            "gov-340100, true,  false",   // its own unit: kept up, not moved
            "gov-340123, true,  true",    // a county under it
            "hf-sjj,     true,  true",    // its own bureau
            "fx-sjj,     true,  true",    // two levels down
            "gov-340000, false, false",   // the province above it
            "gov-340200, false, false",   // a sibling city
            "ah-fgw,     false, false",   // a provincial department
            "loop-a,     false, false",   // a loop in the data ends the walk
            "unknown,    false, false",
    })
    void hefeiCoversItsSubtree(String code, boolean covers, boolean below) {
        UnitScope hefei = new UnitScope("gov-340100");
        assertEquals(covers, hefei.covers(code, TREE::get));
        assertEquals(below, hefei.coversBelow(code, TREE::get));
        assertEquals(true, UnitScope.ALL.covers(code, TREE::get));
        assertEquals(true, UnitScope.ALL.coversBelow(code, TREE::get));
    }

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource({
            "fx-sjj,     gov-340100, true",
            "gov-340100, gov-340123, false",   // moving Hefei under its own county would make a loop
            "gov-340123, gov-340123, true",
            "gov-340200, gov-340100, false",
    })
    void underFollowsTheParents(String code, String ancestor, boolean under) {
        assertEquals(under, UnitScope.under(code, ancestor, TREE::get));
    }
}
