package org.duban.unit.service;

import org.duban.unit.domain.UnitLevel;
import org.duban.unit.domain.UnitType;

/** What a unit list is narrowed by; every part optional. */
public record UnitFilter(String q, UnitLevel level, UnitType type, String parentCode, Boolean active,
                         String externalSystem, String externalId) {
}
