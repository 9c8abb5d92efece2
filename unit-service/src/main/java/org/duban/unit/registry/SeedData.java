package org.duban.unit.registry;

import org.duban.tables.CsvReader;
import org.duban.tables.Table;
import org.duban.tables.TableException;
import org.duban.tables.TableRow;
import org.duban.unit.group.GroupRecord;
import org.duban.unit.group.MembershipRule;
import org.duban.unit.resolve.ResponsibilityParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anhui's units and the groups plans refer to, built from the CSV files under {@code seed/} on
 * the classpath: the province, city and county governments from the GB/T 2260 divisions, the
 * development zones' management committees, and the provincial units with their codes and
 * aliases.
 */
public final class SeedData {

    static final String DIVISIONS = "/seed/anhui-divisions.csv";
    static final String PROVINCIAL_UNITS = "/seed/anhui-provincial-units.csv";

    public static final String PROVINCE_GOVERNMENT = "gov-340000";

    private SeedData() {
    }

    public static List<UnitRecord> units() {
        return Holder.UNITS;
    }

    public static List<GroupRecord> groups() {
        return Holder.GROUPS;
    }

    /** Loaded once, on first use. */
    private static final class Holder {
        static final List<UnitRecord> UNITS = List.copyOf(loadUnits());
        static final List<GroupRecord> GROUPS = List.of(
                new GroupRecord("cities", "各市政府",
                        List.of("各市人民政府", "各设区市政府", "各设区市人民政府"),
                        MembershipRule.CITY_GOVERNMENTS),
                new GroupRecord("counties", "各县（市、区）政府",
                        List.of("各县（市、区）人民政府", "各县(市、区)政府", "各县(市、区)人民政府",
                                "各县市区政府", "各县、市、区政府", "各县区政府"),
                        MembershipRule.COUNTY_GOVERNMENTS),
                new GroupRecord("cities-and-counties", "各市、县（市、区）政府",
                        List.of("各市、县（市、区）人民政府", "各市、县(市、区)政府", "各市、县(市、区)人民政府",
                                "各市县（市、区）政府", "各市县(市、区)政府", "各市、县政府", "各市、县人民政府",
                                "各市县政府", "各市县人民政府", "各市、县、区政府", "各市县区政府"),
                        MembershipRule.CITY_AND_COUNTY_GOVERNMENTS),
                new GroupRecord("provincial-departments", "省政府各部门",
                        List.of("省人民政府各部门", "安徽省人民政府各部门"),
                        MembershipRule.PROVINCIAL_DEPARTMENTS),
                new GroupRecord("provincial-related-departments", "省政府各有关部门",
                        List.of("省政府有关部门", "省人民政府各有关部门", "省人民政府有关部门", "省直有关部门",
                                "省直各有关部门", "省有关部门"),
                        MembershipRule.NONE),
                new GroupRecord("provincial-related-units", "省有关单位",
                        List.of("省直有关单位", "省各有关单位", "省直各有关单位"),
                        MembershipRule.NONE),
                new GroupRecord(ResponsibilityParser.OPEN_REMAINDER_GROUP, "其他有关单位",
                        List.of("其他有关部门", "有关单位", "有关部门"),
                        MembershipRule.NONE));
    }

    private static List<UnitRecord> loadUnits() {
        List<UnitRecord> units = new ArrayList<>();
        for (Map<String, String> row : read(DIVISIONS)) {
            String division = row.get("divisionCode");
            String name = row.get("name");
            String parent = row.get("parentDivisionCode");
            switch (row.get("level")) {
                case "PROVINCE" -> units.add(new UnitRecord(PROVINCE_GOVERNMENT, name + "人民政府", name,
                        List.of("省政府", "省人民政府", name + "政府"),
                        UnitLevel.PROVINCE, UnitType.GOVERNMENT, null, division));
                case "CITY" -> units.add(government(name, UnitLevel.CITY, parent, division));
                case "COUNTY" -> units.add(government(name, UnitLevel.COUNTY, parent, division));
                case "ZONE" -> units.add(new UnitRecord("zone-" + division, name + "管理委员会", name,
                        List.of(name + "管委会"), UnitLevel.COUNTY, UnitType.OTHER, "gov-" + parent, division));
                default -> throw new IllegalStateException(DIVISIONS + ": unknown level in " + row);
            }
        }
        for (Map<String, String> row : read(PROVINCIAL_UNITS)) {
            String aliases = row.getOrDefault("aliases", "");
            units.add(new UnitRecord(row.get("code"), row.get("name"), row.get("shortName"),
                    aliases.isBlank() ? List.of() : List.of(aliases.split("\\|")),
                    UnitLevel.PROVINCE, UnitType.valueOf(row.get("type")), PROVINCE_GOVERNMENT, null));
        }
        return units;
    }

    /** 合肥市人民政府, short 合肥市, also written 合肥市政府. */
    private static UnitRecord government(String name, UnitLevel level, String parentDivision, String division) {
        return new UnitRecord("gov-" + division, name + "人民政府", name, List.of(name + "政府"),
                level, UnitType.GOVERNMENT, "gov-" + parentDivision, division);
    }

    /** Each row by the header's column names, every cell stripped. */
    private static List<Map<String, String>> read(String resource) {
        try (InputStream in = SeedData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed file missing from the classpath: " + resource);
            }
            Table table = new CsvReader().readUtf8(in);
            List<String> header = table.header().cells().stream().map(String::strip).toList();
            List<Map<String, String>> rows = new ArrayList<>();
            for (TableRow row : table.body()) {
                Map<String, String> named = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    named.put(header.get(i), row.cell(i).strip());
                }
                rows.add(named);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (TableException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e); // a packaging mistake, caught by the tests
        }
    }
}
