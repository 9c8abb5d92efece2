package org.duban.task.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.AssignmentJournal;
import org.duban.task.assignment.ReviewReasons;
import org.duban.task.plan.DeadlineKind;
import org.duban.task.plan.Plan;
import org.duban.task.plan.PlanCalendar;
import org.duban.task.plan.Task;
import org.duban.task.units.UnitDirectoryClient;
import org.duban.task.units.UnitServiceApi;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a read plan: resolves every responsibility text through unit-service first (outside any
 * transaction; if unit-service cannot answer, nothing is stored), then stores the plan, its tasks
 * and one assignment per unit share in one transaction, with their events.
 */
@ApplicationScoped
public class PlanImportService {

    private static final Logger LOG = Logger.getLogger(PlanImportService.class);

    private final UnitDirectoryClient units;
    private final AssignmentJournal journal;
    private final EntityManager em;
    private final PlanCalendar calendar;
    private final PlanLimits limits;
    private final ImportConfig config;
    private final DeadlineReader deadlines = new DeadlineReader();

    PlanImportService(UnitDirectoryClient units, AssignmentJournal journal, EntityManager em, PlanCalendar calendar,
                      PlanLimits limits, ImportConfig config) {
        this.units = units;
        this.journal = journal;
        this.em = em;
        this.calendar = calendar;
        this.limits = limits;
        this.config = config;
    }

    /** Something the office should look at after the import. */
    public record ReviewItem(int taskNumber, String kind, String text) {
        public static final String VAGUE_GROUP = "VAGUE_GROUP";
        public static final String UNCLEAR_DEADLINE = "UNCLEAR_DEADLINE";
        public static final String UNRESOLVED_NAME = "UNRESOLVED_NAME";
    }

    public record Result(Plan plan, int categories, int tasks, int assignments, List<ReviewItem> reviewNeeded,
                         List<ReviewItem> unresolved) {
    }

    /** One unit share of one task before it is stored. */
    record Share(Assignment.Role role, String unitCode, String unitName, String groupCode, String qualifier, boolean review) {
    }

    public Result importPlan(ParsedPlan parsed, String authorization, String actor) {
        long started = System.nanoTime();
        check(parsed);
        limits.checkTasks(parsed.tasks().size());
        if (Plan.count("documentNumber", parsed.metadata().documentNumber()) > 0) {
            throw duplicate(parsed.metadata().documentNumber());
        }
        Map<String, List<Share>> sharesByText = new HashMap<>();
        List<ReviewItem> unresolved = new ArrayList<>();
        Map<String, List<UnitServiceApi.Unit>> groupMembers = new HashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        Map<String, UnitServiceApi.Group> groups = new HashMap<>();
        try {
            for (ParsedTask task : parsed.tasks()) {
                String text = task.responsibilityText();
                if (sharesByText.containsKey(text)) {
                    continue;
                }
                UnitServiceApi.Resolution resolution = units.resolve(authorization, text);
                List<Share> shares = new ArrayList<>();
                for (UnitServiceApi.Entry entry : resolution.entries()) {
                    Assignment.Role role = Assignment.Role.valueOf(entry.role());
                    if (entry.unitCode() != null) {
                        String name = entry.name() != null ? entry.name()
                                : unitNames.computeIfAbsent(entry.unitCode(), code -> units.unit(authorization, code).name());
                        shares.add(new Share(role, entry.unitCode(), name, null, entry.qualifier(), false));
                        continue;
                    }
                    UnitServiceApi.Group group = groups.computeIfAbsent(entry.groupCode(), code -> units.group(authorization, code));
                    if (group.definite()) {
                        for (UnitServiceApi.Unit member : groupMembers.computeIfAbsent(group.code(), code -> units.members(authorization, code))) {
                            shares.add(new Share(role, member.code(), member.name(), group.code(), entry.qualifier(), false));
                        }
                    } else {
                        shares.add(new Share(role, null, entry.text(), group.code(), entry.qualifier(), true));
                    }
                }
                for (String name : resolution.unresolved()) {
                    shares.add(new Share(Assignment.Role.RESPONSIBLE, null, name, null, null, true));
                }
                sharesByText.put(text, shares);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw UnitDirectoryClient.unavailable(e);
        }
        limits.checkAssignments(parsed.tasks().stream()
                .mapToInt(task -> distinct(sharesByText.get(task.responsibilityText())).size()).sum());
        long resolved = System.nanoTime();
        Result result = QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds())
                .call(() -> store(parsed, sharesByText, actor));
        long stored = System.nanoTime();
        LOG.infof("Imported plan %s (%s) by %s: %d tasks, %d assignments, %d to review, %d unresolved in %d ms "
                        + "(%d distinct responsibility texts resolved through unit-service in %d ms, stored in %d ms)",
                result.plan().documentNumber, result.plan().title, actor, result.tasks(), result.assignments(),
                result.reviewNeeded().size(), result.unresolved().size(), (stored - started) / 1_000_000,
                sharesByText.size(), (resolved - started) / 1_000_000, (stored - resolved) / 1_000_000);
        return result;
    }

    /**
     * Writes the plan in one transaction, in batches: every {@code duban.import.batch-size} assignments
     * are announced (events, feed entries), flushed and dropped from the persistence context, so memory
     * holds one batch whatever the plan's size, and each batch costs the same.
     */
    private Result store(ParsedPlan parsed, Map<String, List<Share>> sharesByText, String actor) {
        Instant now = calendar.now();
        Plan plan = new Plan();
        plan.title = parsed.metadata().title();
        plan.documentNumber = parsed.metadata().documentNumber();
        plan.issuer = parsed.metadata().issuer();
        plan.issuedOn = parsed.metadata().issuedOn();
        plan.year = parsed.metadata().year();
        plan.createdAt = now;
        plan.createdBy = actor;
        plan.persist();
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw duplicate(plan.documentNumber); // another import of the same document won the race
        }
        List<ReviewItem> review = new ArrayList<>();
        List<ReviewItem> unresolved = new ArrayList<>();
        List<Assignment> batch = new ArrayList<>(config.batchSize());
        int assignments = 0;
        for (ParsedTask parsedTask : parsed.tasks()) {
            Deadline deadline = deadlines.read(parsedTask.deadlineText(), plan.issuedOn, plan.year);
            Task task = new Task();
            task.planId = plan.id;
            task.number = parsedTask.number();
            task.categoryOrdinal = parsedTask.category().ordinal();
            task.categoryTitle = parsedTask.category().title();
            task.subcategoryOrdinal = parsedTask.subcategory() == null ? null : parsedTask.subcategory().ordinal();
            task.subcategoryTitle = parsedTask.subcategory() == null ? null : parsedTask.subcategory().title();
            task.requirement = parsedTask.requirement();
            task.responsibilityText = parsedTask.responsibilityText();
            task.deadlineKind = deadline.kind();
            task.dueDate = deadline.kind() == DeadlineKind.FIXED ? deadline.dueDate() : null;
            task.deadlineText = deadline.text();
            task.deadlineReviewNeeded = deadline.reviewNeeded();
            task.persist();
            if (deadline.reviewNeeded()) {
                review.add(new ReviewItem(task.number, ReviewItem.UNCLEAR_DEADLINE, deadline.text()));
            }
            for (Share share : distinct(sharesByText.get(parsedTask.responsibilityText()))) {
                Assignment a = new Assignment();
                a.taskId = task.id;
                a.planId = plan.id;
                a.taskNumber = task.number;
                a.unitCode = share.unitCode();
                a.unitName = share.unitName();
                a.groupCode = share.groupCode();
                a.qualifier = share.qualifier();
                a.role = share.role();
                a.dueDate = task.dueDate;
                a.reviewNeeded = share.review() || deadline.reviewNeeded();
                a.reviewReason = ReviewReasons.join(!share.review() ? null : share.groupCode() != null
                                ? ReviewReasons.vagueGroup(share.unitName()) : ReviewReasons.unresolvedName(share.unitName()),
                        deadline.reviewNeeded() ? ReviewReasons.unclearDeadline(deadline.text()) : null);
                a.createdAt = now;
                a.createdBy = actor;
                a.updatedAt = now;
                a.persist();
                batch.add(a);
                assignments++;
                if (batch.size() >= config.batchSize()) {
                    announce(batch, actor);
                }
                if (share.review()) {
                    ReviewItem item = new ReviewItem(task.number,
                            share.groupCode() != null ? ReviewItem.VAGUE_GROUP : ReviewItem.UNRESOLVED_NAME, share.unitName());
                    (share.groupCode() != null ? review : unresolved).add(item);
                }
            }
        }
        announce(batch, actor);
        int categories = (int) parsed.tasks().stream().map(t -> t.category().ordinal()).distinct().count();
        return new Result(plan, categories, parsed.tasks().size(), assignments, review, unresolved);
    }

    /** Announces a batch of new assignments, writes it out and forgets it (the plan and tasks are read by id from here on). */
    private void announce(List<Assignment> batch, String actor) {
        if (batch.isEmpty()) {
            return;
        }
        journal.created(batch, actor);
        em.flush();
        em.clear();
        batch.clear();
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
        return result;
    }

    private static void check(ParsedPlan parsed) {
        List<Problem.FieldError> errors = new ArrayList<>();
        parsed.problems().forEach(p -> errors.add(new Problem.FieldError(
                p.line() == 0 ? "document" : "line " + p.line(), p.reason())));
        parsed.metadata().missingFields().stream().filter(field -> !field.equals("issuer"))
                .forEach(field -> errors.add(new Problem.FieldError(field,
                        "could not be read from the document; give it as the query parameter " + field)));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("not-a-plan",
                    "The document could not be read as a plan: " + errors.size() + " problem(s); nothing was imported", errors);
        }
    }

    private static ProblemException duplicate(String documentNumber) {
        return ProblemException.conflict("plan-exists", "A plan with document number " + documentNumber
                + " was already imported; nothing was changed");
    }
}
