package org.duban.unit.registry;


/** What a unit list is narrowed by; every part optional. */
public record UnitFilter(String q, UnitLevel level, UnitType type, String parentCode, Boolean active,
                         String externalSystem, String externalId) {
}
