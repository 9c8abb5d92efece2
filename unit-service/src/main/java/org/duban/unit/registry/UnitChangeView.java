package org.duban.unit.registry;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One recorded change: who, when, what (the unit before and after). */
@Schema(name = "UnitChange")
public record UnitChangeView(String action, Instant changedAt, String changedBy,
                             @JsonRawValue @Schema(implementation = UnitView.class) String before,
                             @JsonRawValue @Schema(implementation = UnitView.class) String after) {

    static UnitChangeView of(UnitChange change) {
        return new UnitChangeView(change.action.name(), change.changedAt, change.changedBy, change.before, change.after);
    }
}
