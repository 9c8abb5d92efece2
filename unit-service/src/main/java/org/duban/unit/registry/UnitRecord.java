package org.duban.unit.registry;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A unit of the registry as the domain sees it.
 *
 * @param code         stable code: {@code gov-<divisionCode>} for a government, {@code zone-<divisionCode>}
 *                     for a development zone's management committee, a slug such as {@code ah-fgw} otherwise
 * @param name         official name (安徽省发展和改革委员会)
 * @param shortName    the name plans write (省发展改革委)
 * @param aliases      other names plans use (省发改委)
 * @param parentCode   the government it reports to; {@code null} for the province
 * @param divisionCode GB/T 2260 code for governments and zones; {@code null} otherwise
 */
public record UnitRecord(String code, String name, String shortName, List<String> aliases,
                         UnitLevel level, UnitType type, String parentCode, String divisionCode) {

    /** The shape every code (unit or group) must have: it appears in URLs and tokens. */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public UnitRecord {
        requireCode(code);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("unit " + code + " has a blank name");
        }
        shortName = shortName == null || shortName.isBlank() ? name : shortName;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The code, if it has the {@link #CODE} shape; group codes follow the same rule. */
    public static String requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid code: " + code);
        }
        return code;
    }
}
