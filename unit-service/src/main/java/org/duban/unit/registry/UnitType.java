package org.duban.unit.registry;

/**
 * What kind of body a unit is. {@code AGENCY} is a central vertical agency in the
 * province (tax bureau, customs): not one of the provincial government's departments.
 */
public enum UnitType {
    GOVERNMENT, DEPARTMENT, AGENCY, OTHER
}
