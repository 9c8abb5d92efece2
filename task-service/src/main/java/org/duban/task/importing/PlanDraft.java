package org.duban.task.importing;

import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.ReviewReasons;
import org.duban.task.importing.PlanImportService.ReviewItem;
import org.duban.task.plan.DeadlineKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read plan laid out as the import stores it, before anything is stored: each task with its deadline
 * read and its unit shares resolved, and what the office must review. The import stores exactly this;
 * a dry run shows it.
 */
public record PlanDraft(PlanMetadata metadata, List<TaskDraft> tasks, int categories, int assignments,
                        List<ReviewItem> reviewNeeded, List<ReviewItem> unresolved) {

    /** One unit share of one task; {@code review} when a vague group or an unknown name waits for the office. */
    public record Share(Assignment.Role role, String unitCode, String unitName, String groupCode, String qualifier,
                        boolean review) {
    }

    /** A task with its deadline and its shares (a unit named twice keeps one, the lead one). */
    public record TaskDraft(ParsedTask task, Deadline deadline, List<Share> shares) {

        /** The due date of the task and its assignments: none for an ongoing task. */
        public LocalDate dueDate() {
            return deadline.kind() == DeadlineKind.FIXED ? deadline.dueDate() : null;
        }

        /** An assignment of this task needs review when its share does or the deadline could not be read. */
        public boolean reviewNeeded(Share share) {
            return share.review() || deadline.reviewNeeded();
        }

        /** Why the office must look at an assignment of this share (Chinese, reasons joined by ；), or null. */
        public String reviewReason(Share share) {
            return ReviewReasons.join(!share.review() ? null : share.groupCode() != null
                            ? ReviewReasons.vagueGroup(share.unitName()) : ReviewReasons.unresolvedName(share.unitName()),
                    deadline.reviewNeeded() ? ReviewReasons.unclearDeadline(deadline.text()) : null);
        }
    }

    /**
     * @param sharesByText every responsibility text of the plan → its shares, as unit-service resolved them
     */
    static PlanDraft of(ParsedPlan parsed, Map<String, List<Share>> sharesByText, DeadlineReader deadlines) {
        PlanMetadata metadata = parsed.metadata();
        List<TaskDraft> tasks = new ArrayList<>();
        List<ReviewItem> review = new ArrayList<>();
        List<ReviewItem> unresolved = new ArrayList<>();
        int assignments = 0;
        for (ParsedTask task : parsed.tasks()) {
            Deadline deadline = deadlines.read(task.deadlineText(), metadata.issuedOn(), metadata.year());
            if (deadline.reviewNeeded()) {
                review.add(new ReviewItem(task.number(), ReviewItem.UNCLEAR_DEADLINE, deadline.text()));
            }
            List<Share> shares = distinct(sharesByText.get(task.responsibilityText()));
            for (Share share : shares) {
                if (share.review()) {
                    ReviewItem item = new ReviewItem(task.number(),
                            share.groupCode() != null ? ReviewItem.VAGUE_GROUP : ReviewItem.UNRESOLVED_NAME, share.unitName());
                    (share.groupCode() != null ? review : unresolved).add(item);
                }
            }
            assignments += shares.size();
            tasks.add(new TaskDraft(task, deadline, shares));
        }
        int categories = (int) parsed.tasks().stream().map(t -> t.category().ordinal()).distinct().count();
        return new PlanDraft(metadata, List.copyOf(tasks), categories, assignments, List.copyOf(review), List.copyOf(unresolved));
    }

    /** A unit named twice in one text (牵头 and again through a group) keeps one share: the lead one. */
    private static List<Share> distinct(List<Share> shares) {
        Map<String, Share> byUnit = new LinkedHashMap<>();
        List<Share> result = new ArrayList<>();
        for (Share share : shares) {
            if (share.unitCode() == null) {
                result.add(share);
                continue;
            }
            String key = share.unitCode() + "|" + (share.qualifier() == null ? "" : share.qualifier());
            Share before = byUnit.get(key);
            if (before == null || (before.role() == Assignment.Role.RESPONSIBLE && share.role() == Assignment.Role.LEAD)) {
                byUnit.put(key, share);
            }
        }
        result.addAll(0, byUnit.values());
        return List.copyOf(result);
    }
}
