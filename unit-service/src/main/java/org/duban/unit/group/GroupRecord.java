package org.duban.unit.group;

import org.duban.unit.registry.UnitRecord;

import java.util.List;
import java.util.Objects;

/**
 * A collective reference plans make (各市、县（市、区）政府, 省有关单位).
 *
 * @param aliases spelling variants plans use; brackets and whitespace are normalised anyway
 */
public record GroupRecord(String code, String name, List<String> aliases, MembershipRule rule) {

    public GroupRecord {
        UnitRecord.requireCode(code);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public boolean definite() {
        return rule.definite();
    }
}
