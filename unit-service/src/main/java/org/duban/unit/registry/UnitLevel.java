package org.duban.unit.registry;

/** Administrative level a unit belongs to. Development zones count as county level. */
public enum UnitLevel {
    PROVINCE, CITY, COUNTY
}
