package org.duban.unit.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A unit as recorded at one version: what {@link UnitService} answers, what {@code duban.unit.changed}
 * carries and what a unit's history keeps before and after a change. Its JSON is the REST API's
 * {@link UnitView} (API.md: event data is the unit as the REST API shows it); the resources shape
 * the view from it.
 */
public record UnitSnapshot(String code, String name, String shortName, List<String> aliases, UnitLevel level,
                           UnitType type, String parentCode, String divisionCode, Map<String, String> externalIds,
                           Contacts contacts, boolean active, long version) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contacts(String email, String phone, String webhookUrl) {
    }

    /** Read while the unit is attached: its names and external ids are loaded lazily. */
    static UnitSnapshot of(Unit unit) {
        return new UnitSnapshot(unit.code, unit.name, unit.shortName, unit.aliases(), unit.level, unit.type,
                unit.parentCode, unit.divisionCode, Map.copyOf(unit.externalIds),
                new Contacts(unit.email, unit.phone, unit.webhookUrl), unit.active, unit.version);
    }
}
