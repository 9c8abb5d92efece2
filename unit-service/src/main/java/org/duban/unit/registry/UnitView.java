package org.duban.unit.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** A unit as the REST API shows it (and, with the same JSON, {@code duban.unit.changed}: see {@link UnitSnapshot}). */
@Schema(name = "Unit")
public record UnitView(
        @Schema(example = "gov-340100") String code,
        @Schema(example = "合肥市人民政府") String name,
        @Schema(example = "合肥市") String shortName,
        @Schema(example = "[\"合肥市政府\"]") List<String> aliases,
        UnitLevel level,
        UnitType type,
        @Schema(example = "gov-340000") String parentCode,
        @Schema(description = "GB/T 2260 division code, for governments", example = "340100") String divisionCode,
        @Schema(example = "{\"oa\": \"D-0012\"}") Map<String, String> externalIds,
        Contacts contacts,
        boolean active,
        @Schema(description = "Changes with every write; the ETag") long version) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "UnitContacts")
    public record Contacts(
            @Schema(example = "gkb@hefei.gov.cn") String email,
            @Schema(example = "0551-63536047") String phone,
            @Schema(example = "https://oa.hefei.gov.cn/hooks/duban") String webhookUrl) {
    }

    public static UnitView of(UnitSnapshot unit) {
        UnitSnapshot.Contacts contacts = unit.contacts();
        return new UnitView(unit.code(), unit.name(), unit.shortName(), unit.aliases(), unit.level(), unit.type(),
                unit.parentCode(), unit.divisionCode(), unit.externalIds(),
                new Contacts(contacts.email(), contacts.phone(), contacts.webhookUrl()), unit.active(), unit.version());
    }
}
