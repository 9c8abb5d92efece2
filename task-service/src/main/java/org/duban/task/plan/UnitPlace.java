package org.duban.task.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a unit sits, read from its code the way unit-service makes codes: a government's
 * ({@code gov-<division>}) and a development zone's ({@code zone-<division>}) carry a GB/T 2260 division
 * code — {@code xx0000} the province, {@code xxyy00} a city, anything else county level, and a zone
 * counts as county level — and every other unit (the provincial departments, {@code ah-fgw}) belongs to
 * the province. A county-level unit's city is the government of its first four digits
 * ({@code gov-340123} → {@code gov-340100}); a city is its own city.
 *
 * @param cityCode null for the province and its departments
 */
public record UnitPlace(Level level, String cityCode) {

    public enum Level { PROVINCE, CITY, COUNTY }

    private static final Pattern DIVISION = Pattern.compile("(gov|zone)-(\\d{4})(\\d{2})");

    public static UnitPlace of(String unitCode) {
        Matcher m = unitCode == null ? null : DIVISION.matcher(unitCode);
        if (m == null || !m.matches()) {
            return new UnitPlace(Level.PROVINCE, null);
        }
        String city = "gov-" + m.group(2) + "00";
        boolean zone = m.group(1).equals("zone");
        if (!zone && m.group(2).endsWith("00") && m.group(3).equals("00")) {
            return new UnitPlace(Level.PROVINCE, null);
        }
        if (!zone && m.group(3).equals("00")) {
            return new UnitPlace(Level.CITY, city);
        }
        return new UnitPlace(Level.COUNTY, city);
    }
}
