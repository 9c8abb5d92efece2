package org.duban.reminder.engine;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.reminder.inbox.InboxEntry;
import org.duban.reminder.inbox.InboxWriter;
import org.duban.reminder.policy.PolicyStore;
import org.duban.reminder.replica.Delegations;
import org.duban.reminder.replica.OngoingAssignment;
import org.duban.reminder.replica.OpenAssignment;
import org.duban.reminder.replica.OpenAssignments;
import org.duban.reminder.replica.OpenMilestone;
import org.duban.reminder.replica.PlanScope;
import org.duban.reminder.replica.ReplicaPosition;
import org.duban.reminder.replica.TaskLeads;
import org.duban.reminder.replica.Unit;
import org.duban.reminder.replica.UnitContacts;
import org.duban.reminder.replica.UnsignedAssignment;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the reminder rules as of an instant: the scheduler and {@code POST /api/reminders/run} both come
 * here. It orchestrates; each step is another class's job. Per policy: read the open assignments (and their
 * milestones) that can owe something ({@link OpenAssignments}), work out what they owe ({@link Schedule}), record that in chunks
 * ({@link SentReminders}: each key once, so re-runs, restarts and replicas running at the same time send a
 * reminder once), put only what was recorded now into the inboxes ({@link InboxWriter}) of the unit — for an
 * escalation also of the units {@link EscalationRecipients} names — and move the policy's watermark on
 * ({@link ReminderRuns}). Then the units' digests go out through {@link DigestDispatcher}. Here are the
 * order of things, the transactions (one to read per policy, one per chunk, one per watermark, one for each
 * end of the run record), one run at a time per process, and the timing log line.
 */
@ApplicationScoped
public class ReminderEngine {

    private static final Logger LOG = Logger.getLogger(ReminderEngine.class);

    private final PolicyStore policies;
    private final ReminderRuns runs;
    private final OpenAssignments assignments;
    private final SentReminders sent;
    private final TaskLeads leads;
    private final Delegations delegations;
    private final UnitContacts units;
    private final InboxWriter inbox;
    private final DayRule days;
    private final ReminderTexts texts;
    private final DigestDispatcher dispatcher;
    private final RemindersConfig config;
    private final Clock clock;
    private final ReplicaPosition replica;
    private final ReentrantLock running = new ReentrantLock();

    ReminderEngine(ReplicaPosition replica, PolicyStore policies, ReminderRuns runs, OpenAssignments assignments, SentReminders sent, TaskLeads leads,
                   Delegations delegations, UnitContacts units, InboxWriter inbox, DayRule days, ReminderTexts texts, DigestDispatcher dispatcher,
                   RemindersConfig config, Clock clock) {
        this.replica = replica;
        this.policies = policies;
        this.runs = runs;
        this.assignments = assignments;
        this.sent = sent;
        this.leads = leads;
        this.delegations = delegations;
        this.units = units;
        this.inbox = inbox;
        this.days = days;
        this.texts = texts;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
    }

    /** What a run did. */
    public record RunResult(long runId, Instant at, long evaluated, long sent, long skipped, long notifications,
                            long digests, long millis, Map<String, Long> replicaPositions) {
    }

    /** The replica has not applied everything published before the run was called, within the wait: nothing was sent. */
    public static final class ReplicaBehind extends RuntimeException {
        private final transient ReplicaPosition.CatchUp position;

        ReplicaBehind(ReplicaPosition.CatchUp position) {
            super("the copy of assignments and units is " + position.behind() + " changes behind the topics");
            this.position = position;
        }

        public ReplicaPosition.CatchUp position() {
            return position;
        }
    }

    /** What recording a chunk did: reminders sent now, inbox entries made for them. */
    private record Recorded(long sent, long notifications) {
    }

    /**
     * Runs the rules as of {@code at}, once the replica has applied every change published before this call
     * (waiting up to {@code duban.reminders.replica-wait}); otherwise sends nothing and throws {@link ReplicaBehind}.
     */
    public RunResult run(Instant at, String trigger, String by) {
        ReplicaPosition.CatchUp position = replica.await(config.replicaWait());
        if (!position.caughtUp()) {
            throw new ReplicaBehind(position);
        }
        running.lock();
        try {
            return evaluate(at, trigger, by, position.positions());
        } finally {
            running.unlock();
        }
    }

    private RunResult evaluate(Instant at, String trigger, String by, Map<String, Long> positions) {
        long started = System.nanoTime();
        long runId = QuarkusTransaction.requiringNew().call(() -> runs.start(at, trigger, by));
        Map<String, Policy> all = policies.all();
        Map<String, LocalDate> sentThrough = QuarkusTransaction.requiringNew().call(runs::sentThrough);
        List<Long> ownPlans = all.keySet().stream().filter(k -> !k.equals(PolicyStore.DEFAULT)).map(Long::valueOf).toList();
        long evaluated = 0;
        long sentNow = 0;
        long notified = 0;
        for (Map.Entry<String, Policy> entry : all.entrySet()) {
            Schedule schedule = new Schedule(entry.getValue(), days, at, sentThrough.get(entry.getKey()), config.catchUpDays());
            if (!schedule.active()) {
                LOG.debugf("run %d: %s is a day off for policy %s; nothing goes out", runId, schedule.today(), entry.getKey());
                continue;
            }
            PlanScope plans = entry.getKey().equals(PolicyStore.DEFAULT)
                    ? PlanScope.allBut(ownPlans)
                    : PlanScope.only(Long.parseLong(entry.getKey()));
            List<Owed> owed = QuarkusTransaction.requiringNew().call(() -> owed(schedule, plans));
            evaluated += owed.size();
            for (int from = 0; from < owed.size(); from += config.chunkSize()) {
                List<Owed> chunk = owed.subList(from, Math.min(owed.size(), from + config.chunkSize()));
                Recorded recorded = QuarkusTransaction.requiringNew().call(() -> record(runId, schedule, entry.getValue(), chunk));
                sentNow += recorded.sent();
                notified += recorded.notifications();
            }
            QuarkusTransaction.requiringNew().run(() -> runs.advance(entry.getKey(), schedule.lastSendDate()));
        }
        long recorded = System.nanoTime();
        long e = evaluated;
        long s = sentNow;
        QuarkusTransaction.requiringNew().run(() -> runs.finish(runId, e, s));
        int digests = dispatcher.dispatchPending();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("reminder run %d as of %s (%s by %s): %d owed, %d sent, %d already sent, %d inbox entries, %d digests, "
                        + "%d ms (%d ms deciding and recording, %d ms dispatching)", runId, at, trigger, by, evaluated, sentNow,
                evaluated - sentNow, notified, digests, millis, (recorded - started) / 1_000_000, (System.nanoTime() - recorded) / 1_000_000);
        return new RunResult(runId, at, evaluated, sentNow, evaluated - sentNow, notified, digests, millis, positions);
    }

    /** What the open assignments of a policy's plans owe in this run, in {@link Owed#PROCESSING_ORDER}. */
    private List<Owed> owed(Schedule schedule, PlanScope plans) {
        List<Owed> owed = new ArrayList<>();
        Optional<LocalDate> earliest = assignments.earliestDueDate(plans);
        if (earliest.isPresent()) {
            for (OpenAssignment a : assignments.dueOn(plans, schedule.candidateDueDates(earliest.get()))) {
                for (Occasion o : schedule.fixed(a.dueDate())) {
                    owed.add(new Owed(a, o));
                }
            }
        }
        Set<LocalDate> startDays = schedule.anchorsDue(assignments.ongoingStartDays(plans));
        for (OngoingAssignment a : assignments.ongoingStartedOn(plans, startDays)) {
            schedule.progress(a.startedOn(), a.lastProgressAt()).ifPresent(o -> owed.add(new Owed(a.assignment(), o)));
        }
        Set<LocalDate> issueDays = schedule.issueDaysDue(assignments.unsignedIssueDays(plans));
        for (UnsignedAssignment a : assignments.unsignedIssuedOn(plans, issueDays)) {
            schedule.acknowledge(a.issuedOn()).ifPresent(o -> owed.add(new Owed(a.assignment(), o)));
        }
        for (OpenMilestone m : assignments.milestonesDueOn(plans, schedule.candidateMilestoneDueDates())) {
            schedule.milestone(m.dueDate()).ifPresent(o -> owed.add(new Owed(m, o)));
        }
        owed.sort(Owed.PROCESSING_ORDER);
        return owed;
    }

    /**
     * Records a chunk of owed reminders; those not recorded before get inbox entries: the unit's, and for an
     * escalation also the task's lead units' and the supervising office's — or, for delegated work, the delegating
     * unit's ({@link EscalationRecipients}).
     */
    private Recorded record(long runId, Schedule schedule, Policy policy, List<Owed> chunk) {
        Instant now = clock.instant();
        List<Owed> fresh = sent.record(runId, now, chunk);
        if (fresh.isEmpty()) {
            return new Recorded(0, 0);
        }
        List<Long> escalating = fresh.stream().filter(o -> o.occasion().kind() == ReminderKind.ESCALATION)
                .map(o -> o.assignment().taskId()).distinct().toList();
        Map<Long, List<Unit>> taskLeads = leads.of(escalating);
        Map<Long, Unit> delegators = delegations.delegatorsOf(fresh.stream()
                .filter(o -> o.occasion().kind() == ReminderKind.ESCALATION).map(o -> o.assignment().id()).toList());
        Unit office = escalating.isEmpty() ? null : units.unit(config.officeUnit());
        List<InboxEntry> entries = new ArrayList<>(fresh.size());
        for (Owed o : fresh) {
            OpenAssignment a = o.assignment();
            ReminderKind kind = o.occasion().kind();
            Unit unit = new Unit(a.unitCode(), a.unitName());
            Unit delegator = kind == ReminderKind.ESCALATION ? delegators.get(a.id()) : null;
            List<Unit> recipients = kind == ReminderKind.ESCALATION
                    ? EscalationRecipients.of(unit, taskLeads.getOrDefault(a.taskId(), List.of()), office, delegator)
                    : List.of(unit);
            // a milestone's reminder is about its own date
            LocalDate dueDate = o.milestone() != null ? o.milestone().dueDate() : a.dueDate();
            Long milestoneId = o.milestone() != null ? o.milestone().id() : null;
            for (Unit to : recipients) {
                ReminderTexts.Text text = texts.reminder(kind, a.taskNumber(), dueDate, schedule.today(), a.requirement(),
                        a.unitName(), to.name(), policy.ongoingReportEvery(),
                        o.milestone() != null ? o.milestone().title() : null, policy.acknowledgeWithinDays(),
                        delegator != null && delegator.code().equals(to.code()));
                entries.add(new InboxEntry(to.code(), a.id(), a.planId(), a.taskNumber(), milestoneId, kind, o.occasion().date(),
                        dueDate, text.title(), text.body()));
            }
        }
        return new Recorded(fresh.size(), inbox.insert(runId, now, entries));
    }
}
