package org.duban.unit.group;

import org.duban.unit.registry.UnitLevel;
import org.duban.unit.registry.UnitRecord;
import org.duban.unit.registry.UnitType;

/**
 * How a unit group's membership follows from the registry. A definite rule expands into
 * one assignment per member; {@link #NONE} marks a vague group the office has to review.
 */
public enum MembershipRule {
    CITY_GOVERNMENTS,
    COUNTY_GOVERNMENTS,
    CITY_AND_COUNTY_GOVERNMENTS,
    PROVINCIAL_DEPARTMENTS,
    NONE;

    public boolean definite() {
        return this != NONE;
    }

    /** Development zones are type OTHER, so they never fall into a government group. */
    public boolean includes(UnitRecord unit) {
        return switch (this) {
            case CITY_GOVERNMENTS -> unit.type() == UnitType.GOVERNMENT && unit.level() == UnitLevel.CITY;
            case COUNTY_GOVERNMENTS -> unit.type() == UnitType.GOVERNMENT && unit.level() == UnitLevel.COUNTY;
            case CITY_AND_COUNTY_GOVERNMENTS -> unit.type() == UnitType.GOVERNMENT
                    && (unit.level() == UnitLevel.CITY || unit.level() == UnitLevel.COUNTY);
            case PROVINCIAL_DEPARTMENTS -> unit.type() == UnitType.DEPARTMENT && unit.level() == UnitLevel.PROVINCE;
            case NONE -> false;
        };
    }
}
