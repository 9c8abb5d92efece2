package org.duban.unit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.duban.unit.group.GroupRecord;
import org.duban.unit.group.MembershipRule;
import org.duban.unit.registry.UnitLevel;
import org.duban.unit.registry.UnitRecord;
import org.duban.unit.registry.UnitType;
import org.junit.jupiter.api.Test;

/** How the index treats names that units added by the office might share. */
class UnitDirectoryTest {

    private static UnitRecord unit(String code, String name, String shortName, String... aliases) {
        return new UnitRecord(code, name, shortName, List.of(aliases), UnitLevel.PROVINCE, UnitType.DEPARTMENT,
                "gov-340000", null);
    }

    @Test
    void aNameTwoUnitsShareEquallyResolvesToNeitherAndIsListed() {
        UnitDirectory directory = UnitDirectory.of(List.of(
                unit("ah-a", "安徽省甲局", "省甲局", "省某局"),
                unit("ah-b", "安徽省乙局", "省乙局", "省某局")), List.of());

        assertEquals(Optional.empty(), directory.unitCode("省某局"));
        assertEquals(Set.of("省某局", "安徽省某局"), directory.ambiguousNames());
        assertEquals(List.of("省某局"), new ResponsibilityParser(directory).resolve("省某局负责落实").unresolved());
    }

    @Test
    void anOfficialNameBeatsAnotherUnitsAlias() {
        UnitDirectory directory = UnitDirectory.of(List.of(
                unit("ah-a", "安徽省甲局", "省甲局", "省乙局"),
                unit("ah-b", "安徽省乙局", "省乙局")), List.of());

        assertEquals(Optional.of("ah-b"), directory.unitCode("省乙局"));
        assertEquals(Set.of(), directory.ambiguousNames());
    }

    @Test
    void provincialPrefixIsOptional() {
        UnitDirectory directory = UnitDirectory.of(List.of(unit("ah-yjt", "安徽省应急管理厅", "省应急厅")), List.of());

        assertEquals(Optional.of("ah-yjt"), directory.unitCode("省应急管理厅"));
        assertEquals(Optional.of("ah-yjt"), directory.unitCode("安徽省应急厅"));
    }

    @Test
    void twoGroupsCannotShareAName() {
        List<GroupRecord> groups = List.of(
                new GroupRecord("cities", "各市政府", List.of(), MembershipRule.CITY_GOVERNMENTS),
                new GroupRecord("others", "其他", List.of("各市人民政府"), MembershipRule.NONE));

        assertThrows(IllegalArgumentException.class, () -> UnitDirectory.of(List.of(), groups));
    }
}
