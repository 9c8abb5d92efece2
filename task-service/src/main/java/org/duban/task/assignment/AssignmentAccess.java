package org.duban.task.assignment;

import jakarta.enterprise.context.RequestScoped;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may read and supervise an assignment, besides the office. A unit reads its own shares; the shares below its own
 * (层层分解: it supervises them, directly or further down the chain it started); and every share of a task it leads
 * (牵头协调). It supervises — approves, returns, decides extensions, names units — the shares it delegated itself.
 */
@RequestScoped
public class AssignmentAccess {

    private final CurrentUser user;
    private final Map<Long, Boolean> leads = new HashMap<>();

    AssignmentAccess(CurrentUser user) {
        this.user = user;
    }

    /** The caller's unit, when it is a unit user ({@code unit}; {@code unit-admin} maps to it). */
    public Optional<String> unit() {
        return user.is(Roles.UNIT) ? user.unitCode() : Optional.empty();
    }

    public boolean canRead(Assignment a) {
        if (user.readsAll()) {
            return true;
        }
        String unit = unit().orElse(null);
        return unit != null && (unit.equals(a.unitCode) || a.supervisedBy(unit) || leads(a.taskId, unit));
    }

    /** 403 unless the caller may read it. */
    public void requireRead(Assignment a) {
        if (!canRead(a)) {
            throw CurrentUser.forbidden("This belongs to another unit");
        }
    }

    /** Whether {@code unit} is a lead unit (牵头单位) of the task as the office issued it. */
    public boolean leads(long taskId, String unit) {
        return leads.computeIfAbsent(taskId, id -> Assignment.count("taskId = ?1 and unitCode = ?2 and role = ?3 "
                + "and parentId is null and superseded = false", id, unit, Assignment.Role.LEAD) > 0);
    }

    /** Whether the caller is the unit that delegated {@code a} (its supervisor); false for the office's own shares. */
    public boolean delegated(Assignment a) {
        return a.parentId != null && a.delegatedBy != null && a.delegatedBy.equals(unit().orElse(null));
    }

    /**
     * 403 unless the caller supervises {@code a}: the office for every share, the delegating unit for the shares it
     * delegated. {@code act} says what, for the message.
     */
    public void requireSupervisor(Assignment a, String act) {
        if (user.is(Roles.ADMIN) || delegated(a)) {
            return;
        }
        throw CurrentUser.forbidden(a.parentId == null
                ? "Only the supervising office may " + act + " (只有督办机关可以办理)"
                : "Only the supervising office or the unit that delegated this assignment (" + a.delegatedBy + ") may " + act
                        + " (只有交办单位或督办机关可以办理)");
    }
}
