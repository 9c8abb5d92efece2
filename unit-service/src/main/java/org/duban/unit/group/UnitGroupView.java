package org.duban.unit.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "UnitGroup")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitGroupView(
        @Schema(example = "cities") String code,
        @Schema(example = "各市政府") String name,
        List<String> aliases,
        @Schema(description = "true when membership is a rule over the registry and expands into units") boolean definite,
        @Schema(description = "For definite groups: the codes of the active member units") List<String> memberCodes) {
}
