package org.duban.unit.resolve;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ResolveResponse")
public record ResolveResponse(List<Entry> entries,
                              @Schema(description = "Names that match no unit or group; never dropped") List<String> unresolved) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ResolvedEntry")
    public record Entry(@Schema(example = "省发展改革委") String text,
                        @Schema(enumeration = {"LEAD", "RESPONSIBLE"}) String role,
                        @Schema(example = "ah-fgw") String unitCode,
                        @Schema(example = "cities") String groupCode,
                        @Schema(example = "司法局") String qualifier,
                        @Schema(description = "Official name of the unit or name of the group (added to API.md's fields)",
                                example = "安徽省发展和改革委员会") String name) {
    }

    static ResolveResponse of(Resolution resolution, java.util.function.Function<ResolvedEntry, String> names) {
        return new ResolveResponse(resolution.entries().stream()
                .map(e -> new Entry(e.text(), e.role().name(), e.unitCode(), e.groupCode(), e.qualifier(), names.apply(e)))
                .toList(), resolution.unresolved());
    }
}
