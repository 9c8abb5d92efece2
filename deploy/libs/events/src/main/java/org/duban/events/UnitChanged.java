package org.duban.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;
import java.util.Map;

/**
 * The {@code data} of {@code duban.unit.changed} on {@code duban.units} (key and subject: the unit code;
 * the topic is compacted, so it keeps the latest event of every unit): the unit after it was created,
 * changed or deactivated, exactly as the REST API's Unit shows it (unit-service's tests keep the two field
 * lists equal). Unlike the assignment events, absent values of the unit itself are written as {@code null}.
 *
 * @param code         the stable unit code, e.g. {@code gov-340100} or {@code ah-fgw}
 * @param name         the official name
 * @param shortName    the short name, or {@code null}
 * @param aliases      other names it is known by (may be empty)
 * @param level        {@code PROVINCE}, {@code CITY} or {@code COUNTY} (development zones count as county level)
 * @param type         {@code GOVERNMENT}, {@code DEPARTMENT}, {@code AGENCY} or {@code OTHER}
 * @param parentCode   the unit above it, or {@code null}
 * @param divisionCode GB/T 2260 code for governments, or {@code null}
 * @param externalIds  ids in other systems by system name, e.g. {@code {"oa": "D-0012"}} (may be empty)
 * @param contacts     how to reach it; its absent values are left out
 * @param active       {@code false} once deactivated (its history stays)
 * @param version      grows with every change (the REST ETag): a consumer ignores an event older than its copy
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitChanged(
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String code,
        @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String name,
        String shortName,
        List<String> aliases,
        String level,
        String type,
        String parentCode,
        String divisionCode,
        Map<String, String> externalIds,
        Contacts contacts,
        @JsonProperty(required = true) boolean active,
        long version) {

    public static final String TOPIC = "duban.units";
    public static final String TYPE = "duban.unit.changed";

    /**
     * @param email      where e-mail digests go
     * @param phone      a phone number
     * @param webhookUrl the unit's own OA endpoint, if it has one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contacts(String email, String phone, String webhookUrl) {
    }
}
