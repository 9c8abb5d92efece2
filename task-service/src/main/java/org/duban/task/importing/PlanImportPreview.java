package org.duban.task.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.duban.task.plan.Plan;
import org.duban.task.plan.TaskView.DeadlineView;
import org.duban.task.plan.TaskView.HeadingView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** What an import of the document would store (POST /api/plans/import?dryRun=true); nothing was stored. */
@Schema(name = "PlanImportPreview", description = "What an import of this document would store; nothing was stored")
public record PlanImportPreview(
        PlanPreview plan,
        @Schema(example = "6") int categories,
        @Schema(example = "44") int tasks,
        @Schema(example = "4786") int assignments,
        @Schema(description = "Vague groups to name units for, unclear deadlines") List<PlanImportService.ReviewItem> reviewNeeded,
        @Schema(description = "Names in responsibility texts that match no unit; each would get an assignment to resolve")
        List<PlanImportService.ReviewItem> unresolved,
        @Schema(description = "A plan with this document number was already imported: the import itself would answer 409")
        boolean documentNumberTaken,
        @Schema(description = "Every task in document order with the assignments it would get") List<TaskPreview> taskPreviews) {

    /** The plan as it would be stored (it has no id yet). */
    @Schema(name = "PlanPreview")
    public record PlanPreview(
            @Schema(example = "安徽省2022年政务公开重点工作任务分工") String title,
            @Schema(example = "皖政务办〔2022〕3号") String documentNumber,
            @Schema(example = "安徽省政务公开办公室") String issuer,
            @Schema(example = "2022-06-06") LocalDate issuedOn,
            @Schema(example = "2022") int year,
            @Schema(example = "Asia/Shanghai") String timeZone) {
    }

    @Schema(name = "TaskPreview")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskPreview(
            @Schema(example = "4") int number,
            HeadingView category,
            @Schema(description = "Absent when the category has no subcategories") HeadingView subcategory,
            String requirement,
            @Schema(example = "省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实") String responsibilityText,
            DeadlineView deadline,
            List<AssignmentPreview> assignments) {
    }

    /** One assignment the task would get: a unit's share, or a vague group's or unknown name's waiting for review. */
    @Schema(name = "AssignmentPreview")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssignmentPreview(
            @Schema(description = "Absent for a vague group or a name that matches no unit", example = "ah-fgw") String unitCode,
            @Schema(example = "安徽省发展和改革委员会") String unitName,
            @Schema(description = "The group the share came from", example = "cities") String groupCode,
            @Schema(example = "司法局") String qualifier,
            @Schema(enumeration = {"LEAD", "RESPONSIBLE"}) String role,
            @Schema(example = "2022-12-31") LocalDate dueDate,
            boolean reviewNeeded) {
    }

    static PlanImportPreview of(PlanImportService.Preview preview) {
        PlanDraft draft = preview.draft();
        PlanMetadata m = draft.metadata();
        return new PlanImportPreview(
                new PlanPreview(m.title(), m.documentNumber(), m.issuer(), m.issuedOn(), m.year(), Plan.DEFAULT_TIME_ZONE),
                draft.categories(), draft.tasks().size(), draft.assignments(), draft.reviewNeeded(), draft.unresolved(),
                preview.documentNumberTaken(), draft.tasks().stream().map(PlanImportPreview::task).toList());
    }

    private static TaskPreview task(PlanDraft.TaskDraft draft) {
        ParsedTask t = draft.task();
        Deadline d = draft.deadline();
        return new TaskPreview(t.number(), heading(t.category()), t.subcategory() == null ? null : heading(t.subcategory()),
                t.requirement(), t.responsibilityText(),
                new DeadlineView(d.kind().name(), draft.dueDate(), d.text(), d.reviewNeeded()),
                draft.shares().stream().map(s -> new AssignmentPreview(s.unitCode(), s.unitName(), s.groupCode(),
                        s.qualifier(), s.role().name(), draft.dueDate(), draft.reviewNeeded(s))).toList());
    }

    private static HeadingView heading(Heading heading) {
        return new HeadingView(heading.ordinal(), heading.title());
    }
}
