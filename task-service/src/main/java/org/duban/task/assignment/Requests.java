package org.duban.task.assignment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The bodies clients send to task-service. */
public final class Requests {

    private Requests() {
    }

    @Schema(name = "TransitionRequest")
    public record Transition(@NotNull AssignmentStatus to,
                             @Size(max = 2000) @Schema(example = "已完成目录编制并公开") String note,
                             @Size(max = 50) @Schema(description = "Evidence files (佐证材料) of this assignment the move cites, "
                                     + "e.g. with a submission", example = "[31, 32]") List<@NotNull Long> attachmentIds) {
    }

    @Schema(name = "ProgressReport")
    public record Progress(@NotBlank @Size(max = 4000) @Schema(example = "已梳理形成本地区工作台账，正在推进落实") String text,
                           @Min(0) @Max(100) @Schema(example = "60") Integer percent,
                           @Size(max = 50) @Schema(description = "Evidence files (佐证材料) of this assignment the report cites",
                                   example = "[31]") List<@NotNull Long> attachmentIds) {
    }

    @Schema(name = "ExtensionRequestBody")
    public record Extension(@NotNull @Schema(example = "2023-03-31") LocalDate until,
                            @NotBlank @Size(max = 2000) @Schema(example = "涉及跨部门数据对接，需延期三个月") String reason) {
    }

    @Schema(name = "ExtensionDecision")
    public record Decision(@NotNull Boolean approved, @Size(max = 2000) String note) {
    }

    @Schema(name = "ResolveGroupRequest")
    public record ResolveGroup(@NotEmpty @Size(max = 500) List<@NotBlank String> unitCodes) {
    }

    @Schema(name = "DelegationRequest")
    public record Delegation(@NotEmpty @Size(max = DelegationService.MAX_ITEMS) List<@jakarta.validation.Valid @NotNull DelegationItem> items) {
    }

    @Schema(name = "DelegationItem")
    public record DelegationItem(
            @NotBlank @Size(max = 40) @Schema(description = "A unit below the delegating unit", example = "gov-340123") String unitCode,
            @NotNull @Schema(example = "RESPONSIBLE") Assignment.Role role,
            @Schema(description = "No later than the parent's due date; default the parent's", example = "2022-11-30") LocalDate dueDate,
            @Size(max = 2000) @Schema(example = "请结合县域实际抓好落实") String note) {
    }

    @Schema(name = "UrgeRequest")
    public record Urge(@NotBlank @Size(max = 500) @Schema(example = "该项任务已临近完成时限，请抓紧办理并及时报送进展") String message) {
    }
}
