package org.duban.task.importing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.AssignmentJournal;
import org.duban.task.plan.Plan;
import org.duban.task.plan.PlanCalendar;
import org.duban.task.plan.Task;
import org.duban.task.units.UnitDirectoryClient;
import org.duban.task.units.UnitServiceApi;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a read plan: resolves every responsibility text through unit-service first (outside any
 * transaction; if unit-service cannot answer, nothing is stored), lays the plan out ({@link PlanDraft}),
 * then stores the plan, its tasks and one assignment per unit share in one transaction, with their
 * events, in batches so that memory does not grow with the plan. A plan over the configured limits
 * ({@link PlanLimits}) is refused before anything is stored. A dry run ({@link #preview}) does all but the storing.
 */
@ApplicationScoped
public class PlanImportService {

    private static final Logger LOG = Logger.getLogger(PlanImportService.class);

    private final UnitDirectoryClient units;
    private final AssignmentJournal journal;
    private final EntityManager em;
    private final PlanCalendar calendar;
    private final DeadlineReader deadlines = new DeadlineReader();

    private final PlanLimits limits;
    private final ImportConfig config;

    PlanImportService(UnitDirectoryClient units, AssignmentJournal journal, EntityManager em, PlanCalendar calendar,
                      PlanLimits limits, ImportConfig config) {
        this.limits = limits;
        this.config = config;
        this.units = units;
        this.journal = journal;
        this.em = em;
        this.calendar = calendar;
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

    /** What an import would store; {@code documentNumberTaken} when the real import would answer 409. */
    public record Preview(PlanDraft draft, boolean documentNumberTaken) {
    }

    public Result importPlan(ParsedPlan parsed, String authorization, String actor) {
        long started = System.nanoTime();
        check(parsed);
        limits.checkTasks(parsed.tasks().size());
        if (documentNumberTaken(parsed)) {
            throw duplicate(parsed.metadata().documentNumber());
        }
        Map<String, List<PlanDraft.Share>> sharesByText = resolve(parsed, authorization);
        long resolved = System.nanoTime();
        PlanDraft draft = PlanDraft.of(parsed, sharesByText, deadlines);
        limits.checkAssignments(draft.assignments());
        Result result = QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds())
                .call(() -> store(draft, actor));
        long stored = System.nanoTime();
        LOG.infof("Imported plan %s (%s) by %s: %d tasks, %d assignments, %d to review, %d unresolved in %d ms "
                        + "(%d distinct responsibility texts resolved through unit-service in %d ms, stored in %d ms)",
                result.plan().documentNumber, result.plan().title, actor, result.tasks(), result.assignments(),
                result.reviewNeeded().size(), result.unresolved().size(), (stored - started) / 1_000_000,
                sharesByText.size(), (resolved - started) / 1_000_000, (stored - resolved) / 1_000_000);
        return result;
    }

    /**
     * The dry run: the same checks, resolution and layout as {@link #importPlan}, then nothing stored and
     * nothing published. A document number already imported is reported, not refused.
     */
    public Preview preview(ParsedPlan parsed, String authorization) {
        check(parsed);
        limits.checkTasks(parsed.tasks().size());
        boolean taken = documentNumberTaken(parsed);
        PlanDraft draft = PlanDraft.of(parsed, resolve(parsed, authorization), deadlines);
        limits.checkAssignments(draft.assignments());
        return new Preview(draft, taken);
    }

    private static boolean documentNumberTaken(ParsedPlan parsed) {
        return Plan.count("documentNumber", parsed.metadata().documentNumber()) > 0;
    }

    /**
     * Every distinct responsibility text → its unit shares, through unit-service: definite groups expand
     * into their members; vague groups and names that match no unit stay one share each, to review.
     */
    private Map<String, List<PlanDraft.Share>> resolve(ParsedPlan parsed, String authorization) {
        Map<String, List<PlanDraft.Share>> sharesByText = new HashMap<>();
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
                List<PlanDraft.Share> shares = new ArrayList<>();
                for (UnitServiceApi.Entry entry : resolution.entries()) {
                    Assignment.Role role = Assignment.Role.valueOf(entry.role());
                    if (entry.unitCode() != null) {
                        String name = entry.name() != null ? entry.name()
                                : unitNames.computeIfAbsent(entry.unitCode(), code -> units.unit(authorization, code).name());
                        shares.add(new PlanDraft.Share(role, entry.unitCode(), name, null, entry.qualifier(), false));
                        continue;
                    }
                    UnitServiceApi.Group group = groups.computeIfAbsent(entry.groupCode(), code -> units.group(authorization, code));
                    if (group.definite()) {
                        for (UnitServiceApi.Unit member : groupMembers.computeIfAbsent(group.code(), code -> units.members(authorization, code))) {
                            shares.add(new PlanDraft.Share(role, member.code(), member.name(), group.code(), entry.qualifier(), false));
                        }
                    } else {
                        shares.add(new PlanDraft.Share(role, null, entry.text(), group.code(), entry.qualifier(), true));
                    }
                }
                for (String name : resolution.unresolved()) {
                    shares.add(new PlanDraft.Share(Assignment.Role.RESPONSIBLE, null, name, null, null, true));
                }
                sharesByText.put(text, shares);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw UnitDirectoryClient.unavailable(e);
        }
        return sharesByText;
    }

    /**
     * Writes the plan in one transaction, in batches: every {@code duban.import.batch-size} assignments
     * are announced (events, feed entries), flushed and dropped from the persistence context, so memory
     * holds one batch whatever the plan's size, and each batch costs the same.
     */
    private Result store(PlanDraft draft, String actor) {
        Instant now = calendar.now();
        PlanMetadata metadata = draft.metadata();
        Plan plan = new Plan();
        plan.title = metadata.title();
        plan.documentNumber = metadata.documentNumber();
        plan.issuer = metadata.issuer();
        plan.issuedOn = metadata.issuedOn();
        plan.year = metadata.year();
        plan.createdAt = now;
        plan.createdBy = actor;
        plan.persist();
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            throw duplicate(plan.documentNumber); // another import of the same document won the race
        }
        List<Assignment> batch = new ArrayList<>(config.batchSize());
        int assignments = 0;
        for (PlanDraft.TaskDraft draftTask : draft.tasks()) {
            ParsedTask parsedTask = draftTask.task();
            Deadline deadline = draftTask.deadline();
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
            task.dueDate = draftTask.dueDate();
            task.deadlineText = deadline.text();
            task.deadlineReviewNeeded = deadline.reviewNeeded();
            task.persist();
            for (PlanDraft.Share share : draftTask.shares()) {
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
                a.reviewNeeded = draftTask.reviewNeeded(share);
                a.reviewReason = draftTask.reviewReason(share);
                a.createdAt = now;
                a.createdBy = actor;
                a.updatedAt = now;
                a.persist();
                batch.add(a);
                assignments++;
                if (batch.size() >= config.batchSize()) {
                    announce(batch, actor);
                }
            }
        }
        announce(batch, actor);
        return new Result(plan, draft.categories(), draft.tasks().size(), assignments, draft.reviewNeeded(),
                draft.unresolved());
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
