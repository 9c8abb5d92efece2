package org.duban.task.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.task.assignment.Assignment;
import org.duban.task.assignment.AssignmentService;
import org.duban.task.assignment.AssignmentStatus;
import org.duban.task.plan.PlanCalendar;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evidence files (佐证材料) of assignments: who may add, read and remove them, and the one check other
 * features use before they cite files ({@link #requireAttachments}).
 *
 * <ul>
 * <li>Upload: the assignment's own unit while the work is open, and the office (admin) at any time.</li>
 * <li>List and download: whoever may read the assignment (admin, viewer, integrator, the unit itself).</li>
 * <li>Delete: the uploader's unit or the office, and only while no progress report, status change or
 * milestone cites the file: once cited it is part of the assignment's record (台账) and stays (409).</li>
 * </ul>
 */
@ApplicationScoped
public class Evidence {

    private static final Logger LOG = Logger.getLogger(Evidence.class);

    private final AssignmentService assignments;
    private final CurrentUser user;
    private final PlanCalendar calendar;
    private final EvidenceStores stores;
    private final TransactionSynchronizationRegistry transactions;

    Evidence(AssignmentService assignments, CurrentUser user, PlanCalendar calendar, EvidenceStores stores,
             TransactionSynchronizationRegistry transactions) {
        this.assignments = assignments;
        this.user = user;
        this.calendar = calendar;
        this.stores = stores;
        this.transactions = transactions;
    }

    /** A file to send: its row and, when asked, its content. */
    public record Download(Attachment attachment, EvidenceStore store) {
        public InputStream open() throws IOException {
            return store.open(attachment.storageKey, attachment.size);
        }
    }

    /** Answers 403/404/409 unless the caller may add files to this assignment now: called before the body is read. */
    public void requireUploader(long assignmentId) {
        Assignment a = assignments.visible(assignmentId);
        if (user.is(Roles.ADMIN)) {
            return;
        }
        user.requireOwnUnit(a.unitCode);
        if (a.superseded) {
            throw ProblemException.conflict("units-not-named", "Assignment " + assignmentId + " was replaced by the units the office named");
        }
        if (a.status == AssignmentStatus.COMPLETED) {
            throw ProblemException.conflict("assignment-completed", "Assignment " + assignmentId + " is completed; it takes no more files");
        }
    }

    /**
     * Stores a received, checked file and its row, all or nothing: the content is written first (to
     * PostgreSQL in this transaction, or to object storage, whence it is removed again if the
     * transaction does not commit), then the row.
     */
    @Transactional
    public Attachment store(long assignmentId, String sentName, UploadSpool.Received received, EvidenceType type) {
        requireUploader(assignmentId); // again: the work may have been completed while the file arrived
        EvidenceStore store = stores.forWriting();
        String key = calendar.today().getYear() + "/" + UUID.randomUUID();
        if (!store.transactional()) {
            transactions.registerInterposedSynchronization(new RemoveUnlessCommitted(store, key));
        }
        try {
            store.put(key, received.file(), received.size(), type);
        } catch (IOException e) {
            throw ProblemException.unavailable("storage-unavailable", "The file could not be stored; try again shortly");
        }
        Attachment a = new Attachment();
        a.assignmentId = assignmentId;
        a.fileName = FileNames.clean(sentName, type);
        a.contentType = type.mediaType();
        a.size = received.size();
        a.sha256 = received.sha256();
        a.storage = store.name();
        a.storageKey = key;
        a.uploadedBy = user.username();
        a.uploadedByUnit = user.is(Roles.ADMIN) ? null : user.unitCode().orElse(null);
        a.uploadedAt = calendar.now();
        a.persist();
        return a;
    }

    public List<Attachment> list(long assignmentId) {
        assignments.visible(assignmentId);
        return Attachment.list("assignmentId = ?1 order by id", assignmentId);
    }

    /** The file, if the caller may read its assignment (403 otherwise). */
    public Download download(long attachmentId) {
        Attachment a = find(attachmentId);
        assignments.visible(a.assignmentId);
        return new Download(a, stores.named(a.storage));
    }

    @Transactional
    public void delete(long attachmentId) {
        Attachment a = find(attachmentId);
        assignments.visible(a.assignmentId);
        if (!user.is(Roles.ADMIN) && (a.uploadedByUnit == null || !user.is(Roles.UNIT)
                || !a.uploadedByUnit.equals(user.unitCode().orElse(null)))) {
            throw CurrentUser.forbidden("Only the unit that uploaded a file, or the office, may remove it");
        }
        if (a.citedAt != null) {
            throw ProblemException.conflict("attachment-cited", "File " + attachmentId + " (" + a.fileName
                    + ") is cited by a report, a status change or a milestone; it is part of the record and stays");
        }
        EvidenceStore store = stores.named(a.storage);
        a.delete();
        if (store.transactional()) {
            try {
                store.delete(a.storageKey);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            transactions.registerInterposedSynchronization(new RemoveIfCommitted(store, a.storageKey));
        }
    }

    /**
     * The check every feature that cites files makes (progress reports, status changes, milestone
     * completions): each id must be an attachment of this assignment, else a 400 naming the others.
     * The files are marked cited in the caller's transaction, so from its commit on they can no longer
     * be deleted. Answers them in the order given, without repeats; an absent or empty list is none.
     */
    @Transactional
    public List<Attachment> requireAttachments(long assignmentId, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.contains(null)) {
            throw ProblemException.validation(List.of(new Problem.FieldError("attachmentIds", "must not contain null")));
        }
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, Attachment> found = Attachment.<Attachment>list("id in ?1 and assignmentId = ?2", wanted, assignmentId).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Long> foreign = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!foreign.isEmpty()) {
            throw ProblemException.validation(List.of(new Problem.FieldError("attachmentIds",
                    "no attachment of assignment " + assignmentId + " has the id" + (foreign.size() > 1 ? "s " : " ") + foreign)));
        }
        List<Attachment> cited = new ArrayList<>(wanted.size());
        for (Long id : wanted) {
            Attachment a = found.get(id);
            if (a.citedAt == null) {
                a.citedAt = calendar.now();
            }
            cited.add(a);
        }
        return cited;
    }

    /** The files by id, for views that show what they cite (ids no longer there are left out). */
    public Map<Long, AttachmentView> views(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, AttachmentView> views = new LinkedHashMap<>();
        for (Attachment a : Attachment.<Attachment>list("id in ?1 order by id", List.copyOf(ids))) {
            views.put(a.id, AttachmentView.of(a));
        }
        return views;
    }

    /** The files each history entry cites, in the order they were cited; entries citing none are left out. */
    public Map<Long, List<AttachmentView>> citedBy(Collection<Long> historyIds) {
        if (historyIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> links = Attachment.getEntityManager().createNativeQuery(
                        "SELECT history_id, attachment_id FROM assignment_history_attachment WHERE history_id = ANY(?1) "
                                + "ORDER BY history_id, position")
                .setParameter(1, historyIds.toArray(Long[]::new)).getResultList();
        Map<Long, AttachmentView> files = views(links.stream().map(l -> ((Number) l[1]).longValue()).distinct().toList());
        Map<Long, List<AttachmentView>> cited = new LinkedHashMap<>();
        for (Object[] link : links) {
            AttachmentView file = files.get(((Number) link[1]).longValue());
            cited.computeIfAbsent(((Number) link[0]).longValue(), k -> new ArrayList<>()).add(file);
        }
        return cited;
    }

    /** For the ledger: the names of each assignment's files in a plan, oldest first. */
    public Map<Long, List<String>> fileNames(long planId) {
        Map<Long, List<String>> names = new LinkedHashMap<>();
        List<Object[]> rows = Attachment.getEntityManager().createQuery(
                        "select f.assignmentId, f.fileName from Attachment f where f.assignmentId in "
                                + "(select a.id from Assignment a where a.planId = :plan) order by f.assignmentId, f.id", Object[].class)
                .setParameter("plan", planId).getResultList();
        for (Object[] row : rows) {
            names.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return names;
    }

    private static Attachment find(long id) {
        Attachment a = Attachment.findById(id);
        if (a == null) {
            throw ProblemException.notFound("No attachment has the id " + id);
        }
        return a;
    }

    /** Object storage is outside the transaction: what an upload wrote goes again unless its row commits. */
    private record RemoveUnlessCommitted(EvidenceStore store, String key) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                removeQuietly(store, key, "the upload's transaction did not commit");
            }
        }
    }

    /** …and a removed row's object goes once the removal has committed (or is left to the orphan sweep). */
    private record RemoveIfCommitted(EvidenceStore store, String key) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                removeQuietly(store, key, "its row was deleted");
            }
        }
    }

    private static void removeQuietly(EvidenceStore store, String key, String why) {
        try {
            store.delete(key);
            LOG.debugf("removed %s from %s: %s", key, store.name(), why);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not remove %s from %s (%s): %s; the orphan sweep will", key, store.name(), why, e.getMessage());
        }
    }
}
