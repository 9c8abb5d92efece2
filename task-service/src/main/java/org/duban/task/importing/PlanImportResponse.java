package org.duban.task.api;

import org.duban.task.service.PlanImportService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "PlanImportResult")
public record PlanImportResponse(
        PlanView plan,
        @Schema(example = "6") int categories,
        @Schema(example = "44") int tasks,
        @Schema(example = "4786") int assignments,
        @Schema(description = "Vague groups to name units for, unclear deadlines") List<PlanImportService.ReviewItem> reviewNeeded,
        @Schema(description = "Names in responsibility texts that match no unit; each got an assignment to resolve")
        List<PlanImportService.ReviewItem> unresolved) {
}
