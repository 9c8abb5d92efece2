package org.duban.unit.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duban.unit.group.GroupRecord;
import org.duban.unit.resolve.Entries;
import org.duban.unit.resolve.UnitDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SeedDataTest {

    private static final List<UnitRecord> UNITS = SeedData.units();
    private static final Map<String, UnitRecord> BY_CODE =
            UNITS.stream().collect(Collectors.toMap(UnitRecord::code, Function.identity()));

    private static long count(Predicate<UnitRecord> filter) {
        return UNITS.stream().filter(filter).count();
    }

    private static List<String> provincialCsvRows() throws IOException {
        try (InputStream in = SeedData.class.getResourceAsStream(SeedData.PROVINCIAL_UNITS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .skip(1).filter(l -> !l.isBlank()).toList();
        }
    }

    @Test
    void governmentsFollowTheDivisions() {
        assertEquals(1, count(u -> u.type() == UnitType.GOVERNMENT && u.level() == UnitLevel.PROVINCE));
        assertEquals(16, count(u -> u.type() == UnitType.GOVERNMENT && u.level() == UnitLevel.CITY));
        assertEquals(104, count(u -> u.type() == UnitType.GOVERNMENT && u.level() == UnitLevel.COUNTY));

        UnitRecord province = BY_CODE.get("gov-340000");
        assertEquals("安徽省人民政府", province.name());
        assertEquals("安徽省", province.shortName());
        assertTrue(province.aliases().contains("省政府"));
        assertEquals("340000", province.divisionCode());

        UnitRecord hefei = BY_CODE.get("gov-340100");
        assertEquals("合肥市人民政府", hefei.name());
        assertEquals("合肥市", hefei.shortName());
        assertTrue(hefei.aliases().contains("合肥市政府"));
        assertEquals("gov-340000", hefei.parentCode());

        UnitRecord feixi = BY_CODE.get("gov-340123");
        assertEquals("肥西县人民政府", feixi.name());
        assertEquals("肥西县", feixi.shortName());
        assertTrue(feixi.aliases().contains("肥西县政府"));
    }

    @Test
    void everyCountyAnswersToACityAndEveryCityToTheProvince() {
        for (UnitRecord unit : UNITS) {
            if (unit.type() == UnitType.GOVERNMENT && unit.level() == UnitLevel.COUNTY) {
                UnitRecord parent = BY_CODE.get(unit.parentCode());
                assertEquals(UnitLevel.CITY, parent.level(), unit.name());
                assertEquals(UnitType.GOVERNMENT, parent.type(), unit.name());
                assertEquals("gov-" + unit.divisionCode(), unit.code());
            }
            if (unit.type() == UnitType.GOVERNMENT && unit.level() == UnitLevel.CITY) {
                assertEquals("gov-340000", unit.parentCode(), unit.name());
            }
        }
    }

    @Test
    void developmentZonesAreManagementCommitteesUnderTheirCity() {
        List<UnitRecord> zones = UNITS.stream().filter(u -> u.code().startsWith("zone-")).toList();

        assertEquals(15, zones.size());
        for (UnitRecord zone : zones) {
            assertEquals(UnitType.OTHER, zone.type());
            assertEquals(UnitLevel.COUNTY, zone.level());
            assertTrue(zone.name().endsWith("管理委员会"), zone.name());
            assertEquals(UnitLevel.CITY, BY_CODE.get(zone.parentCode()).level());
        }
        assertEquals("合肥高新技术产业开发区管理委员会", BY_CODE.get("zone-340176").name());
    }

    @Test
    void everyProvincialUnitOfTheCsvIsSeeded() throws IOException {
        List<String> rows = provincialCsvRows();

        assertEquals(45, rows.size());
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            UnitRecord unit = BY_CODE.get(cells[4]);
            assertEquals(cells[0], unit.shortName());
            assertEquals(cells[1], unit.name());
            assertEquals(UnitType.valueOf(cells[2]), unit.type());
            assertEquals(UnitLevel.PROVINCE, unit.level());
            assertEquals("gov-340000", unit.parentCode());
        }
        assertEquals(1 + 16 + 104 + 15 + rows.size(), UNITS.size());
    }

    @ParameterizedTest
    @CsvSource({
            "ah-fgw, 省发展改革委, 安徽省发展和改革委员会",
            "ah-bgt, 省政府办公厅, 安徽省人民政府办公厅",
            "ah-jyt, 省教育厅, 安徽省教育厅",
            "ah-sft, 省司法厅, 安徽省司法厅",
            "ah-swj, 省税务局, 国家税务总局安徽省税务局",
            "ah-hfhg, 合肥海关, 中华人民共和国合肥海关",
            "ah-xcb, 省委宣传部, 中共安徽省委宣传部",
            "ah-jjxxzx, 省经济信息中心, 安徽省经济信息中心"})
    void provincialUnitsHaveTheirAgreedCodes(String code, String shortName, String name) {
        assertEquals(shortName, BY_CODE.get(code).shortName());
        assertEquals(name, BY_CODE.get(code).name());
    }

    @Test
    void codesAreUniqueAndUrlSafe() {
        Set<String> codes = new HashSet<>();
        for (UnitRecord unit : UNITS) {
            assertTrue(codes.add(unit.code()), "duplicate " + unit.code());
            assertTrue(UnitRecord.CODE.matcher(unit.code()).matches(), unit.code());
        }
        for (GroupRecord group : SeedData.groups()) {
            assertTrue(codes.add(group.code()), "duplicate " + group.code());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "cities, 16",
            "counties, 104",
            "cities-and-counties, 120",
            "provincial-departments, 40"})
    void definiteGroupsExpandToTheirMembers(String code, long members) throws IOException {
        GroupRecord group = SeedData.groups().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();

        assertTrue(group.definite());
        assertEquals(members, count(group.rule()::includes));
        assertFalse(UNITS.stream().filter(group.rule()::includes).anyMatch(u -> u.code().startsWith("zone-")));
        if (code.equals("provincial-departments")) {
            assertEquals(members, provincialCsvRows().stream().filter(r -> r.contains(",DEPARTMENT,")).count());
        }
    }

    @ParameterizedTest
    @CsvSource({"provincial-related-departments", "provincial-related-units", "other-related-units"})
    void vagueGroupsHaveNoMembers(String code) {
        GroupRecord group = SeedData.groups().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow();

        assertFalse(group.definite());
        assertEquals(0, count(group.rule()::includes));
    }

    @Test
    void noTwoUnitsClaimTheSameName() {
        assertEquals(Set.of(), UnitDirectory.of(UNITS, SeedData.groups()).ambiguousNames());
    }

    static Stream<Arguments> everyNameOfEveryUnit() {
        return UNITS.stream().flatMap(u -> Stream.concat(Stream.of(u.name(), u.shortName()), u.aliases().stream())
                .distinct().map(name -> Arguments.of(name, u.code())));
    }

    /** Whatever name of a unit a plan writes, the parser finds that unit. */
    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyNameOfEveryUnit")
    void everyNameResolvesToItsUnit(String name, String code) {
        assertEquals(List.of("R " + code), Entries.render(Entries.SEED_PARSER.resolve(name + "负责落实")));
    }
}
