package org.duban.unit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.unit.domain.Resolution;
import org.duban.unit.domain.ResolvedEntry;
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
                        @Schema(example = "司法局") String qualifier) {
    }

    static ResolveResponse of(Resolution resolution) {
        return new ResolveResponse(resolution.entries().stream().map(ResolveResponse::entry).toList(), resolution.unresolved());
    }

    private static Entry entry(ResolvedEntry e) {
        return new Entry(e.text(), e.role().name(), e.unitCode(), e.groupCode(), e.qualifier());
    }
}
