package org.duban.task.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.duban.platform.api.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry's tree as task-service knows it: its copy of {@code duban.units} ({@link UnitCopy}, with each unit's
 * parent), and unit-service itself for a unit the copy does not have yet or knows no parent of (a copy row written
 * before parents were copied, or a unit created a moment ago whose event is still on its way).
 */
@ApplicationScoped
public class UnitTree {

    /** Deeper than any real administrative tree; stops a loop in bad data. */
    static final int MAX_DEPTH = 12;

    private final EntityManager em;
    private final UnitDirectoryClient directory;

    UnitTree(EntityManager em, UnitDirectoryClient directory) {
        this.em = em;
        this.directory = directory;
    }

    /** A unit as the tree needs it. */
    public record Node(String code, String name, boolean active, String parentCode) {
    }

    /** The unit, from the copy or from unit-service; empty when neither knows it. */
    public Optional<Node> node(String code, String authorization) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, active, parent_code FROM unit_copy WHERE code = ?1")
                .setParameter(1, code).getResultList();
        if (!rows.isEmpty() && rows.getFirst()[2] != null) {
            Object[] r = rows.getFirst();
            return Optional.of(new Node(code, (String) r[0], (Boolean) r[1], (String) r[2]));
        }
        try {
            UnitServiceApi.Unit unit = directory.unit(authorization, code);
            return Optional.of(new Node(unit.code(), unit.name(), unit.active(), unit.parentCode()));
        } catch (ProblemException e) {
            if (e.problem().status() == 422) {
                return Optional.empty(); // unit-service has no such unit
            }
            throw e;
        } catch (RuntimeException e) {
            throw UnitDirectoryClient.unavailable(e);
        }
    }

    /**
     * The units from {@code code} up to (without) {@code ancestor} when {@code code} lies below it, nearest first;
     * empty when it does not.
     */
    public Optional<List<Node>> pathBelow(String ancestor, Node unit, String authorization) {
        List<Node> path = new ArrayList<>();
        Node current = unit;
        for (int i = 0; i < MAX_DEPTH && current != null; i++) {
            path.add(current);
            String parent = current.parentCode();
            if (parent == null) {
                return Optional.empty();
            }
            if (parent.equals(ancestor)) {
                return Optional.of(path);
            }
            current = node(parent, authorization).orElse(null);
        }
        return Optional.empty();
    }
}
