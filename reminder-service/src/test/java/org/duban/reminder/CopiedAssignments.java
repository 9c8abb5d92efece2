package org.duban.reminder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Synthetic assignments written straight into reminder-service's copy (as the replica would from
 * {@code duban.assignments}), for tests of what a run reads and sends. Each test class takes ids of its own
 * (far from task-service's) and forgets them afterwards, so other tests' runs never meet them.
 */
@ApplicationScoped
public class CopiedAssignments {

    /** One {@code assignment_copy} row; {@link #open} gives an open one of a responsible unit, the rest adjust it. */
    public record Row(long id, long planId, long taskId, int taskNumber, String requirement, String unitCode, String unitName,
                      String role, LocalDate dueDate, String status, boolean active, LocalDate anchorDate,
                      Instant lastProgressAt, Instant acknowledgedAt) {

        public static Row open(long id, long planId, long taskId, String unitCode, LocalDate dueDate) {
            return new Row(id, planId, taskId, (int) (taskId % 1000), "认真分析研究评估指出的问题，开展全面排查和整改提升", unitCode,
                    unitCode + "名称", "RESPONSIBLE", dueDate, "NOT_STARTED", true, LocalDate.of(2019, 1, 2), null, null);
        }

        public Row status(String status) {
            return new Row(id, planId, taskId, taskNumber, requirement, unitCode, unitName, role, dueDate, status, active,
                    anchorDate, lastProgressAt, acknowledgedAt);
        }

        public Row lead() {
            return new Row(id, planId, taskId, taskNumber, requirement, unitCode, unitName, "LEAD", dueDate, status, active,
                    anchorDate, lastProgressAt, acknowledgedAt);
        }

        /** Replaced by the units the office named (a vague group assignment): no longer active. */
        public Row replaced() {
            return new Row(id, planId, taskId, taskNumber, requirement, unitCode, unitName, role, dueDate, status, false,
                    anchorDate, lastProgressAt, acknowledgedAt);
        }

        public Row unit(String code, String name) {
            return new Row(id, planId, taskId, taskNumber, requirement, code, name, role, dueDate, status, active,
                    anchorDate, lastProgressAt, acknowledgedAt);
        }

        /** Issued to its unit on {@code day} (the day the replica first heard of it). */
        public Row issuedOn(LocalDate day) {
            return new Row(id, planId, taskId, taskNumber, requirement, unitCode, unitName, role, dueDate, status, active,
                    day, lastProgressAt, acknowledgedAt);
        }

        /** Signed for (签收) by its unit at {@code at}. */
        public Row acknowledged(Instant at) {
            return new Row(id, planId, taskId, taskNumber, requirement, unitCode, unitName, role, dueDate, status, active,
                    anchorDate, lastProgressAt, at);
        }

        /** ONGOING work begun on {@code startedOn}, last reported at {@code lastProgressAt} (null: never). */
        public Row ongoing(LocalDate startedOn, Instant lastProgressAt) {
            return new Row(id, planId, taskId, taskNumber, requirement, unitCode, unitName, role, null, status, active,
                    startedOn, lastProgressAt, acknowledgedAt);
        }
    }

    private final EntityManager em;

    CopiedAssignments(EntityManager em) {
        this.em = em;
    }

    public void insert(Row... rows) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO assignment_copy (id, plan_id, task_id, task_number, task_requirement, unit_code, unit_name,
                        role, due_date, status, active, last_progress_at, anchor_date, acknowledged_at, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, now())""")) {
                for (Row r : rows) {
                    ins.setLong(1, r.id());
                    ins.setLong(2, r.planId());
                    ins.setLong(3, r.taskId());
                    ins.setInt(4, r.taskNumber());
                    ins.setString(5, r.requirement());
                    ins.setString(6, r.unitCode());
                    ins.setString(7, r.unitName());
                    ins.setString(8, r.role());
                    ins.setObject(9, r.dueDate(), Types.DATE);
                    ins.setString(10, r.status());
                    ins.setBoolean(11, r.active());
                    ins.setObject(12, r.lastProgressAt() == null ? null : r.lastProgressAt().atOffset(ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    ins.setObject(13, r.anchorDate(), Types.DATE);
                    ins.setObject(14, r.acknowledgedAt() == null ? null : r.acknowledgedAt().atOffset(ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }));
    }

    /** One {@code milestone_copy} row: a milestone (节点) of a copied assignment. */
    public record Milestone(long id, long assignmentId, String title, LocalDate dueDate, String status, boolean active) {

        public static Milestone open(long id, long assignmentId, String title, LocalDate dueDate) {
            return new Milestone(id, assignmentId, title, dueDate, "OPEN", true);
        }
    }

    public void insert(Milestone... milestones) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT INTO milestone_copy (id, assignment_id, title, due_date, status, active, version, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 0, now())""")) {
                for (Milestone m : milestones) {
                    ins.setLong(1, m.id());
                    ins.setLong(2, m.assignmentId());
                    ins.setString(3, m.title());
                    ins.setObject(4, m.dueDate(), Types.DATE);
                    ins.setString(5, m.status());
                    ins.setBoolean(6, m.active());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }));
    }

    /** Forgets the assignments with ids from {@code first} to {@code last}, with their milestones, reminders and inbox entries. */
    public void forget(long first, long last) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"notification", "reminder"}) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE assignment_id BETWEEN ?1 AND ?2")
                        .setParameter(1, first).setParameter(2, last).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM milestone_copy WHERE assignment_id BETWEEN ?1 AND ?2")
                    .setParameter(1, first).setParameter(2, last).executeUpdate();
            em.createNativeQuery("DELETE FROM assignment_copy WHERE id BETWEEN ?1 AND ?2")
                    .setParameter(1, first).setParameter(2, last).executeUpdate();
        });
    }
}
