package org.duban.unit.registry;

import org.duban.platform.api.ProblemException;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which units a caller may add, change or deactivate: the office ({@code admin}) every unit; a
 * {@code unit-admin} the units under its own unit ({@code root}), at any depth. Its own unit it may keep
 * up (names, contacts) but not move or deactivate; nothing outside it. Pure: the tree is given as a
 * function from a code to its parent's code.
 *
 * @param root the unit-admin's own unit; null for the office
 */
public record UnitScope(String root) {

    public static final UnitScope ALL = new UnitScope(null);
    /** Deeper than any real registry; a longer chain is a loop. */
    private static final int MAX_DEPTH = 64;

    /** The caller's scope; 403 for a caller who may change no unit (a unit-admin without a unit_code). */
    public static UnitScope of(CurrentUser user) {
        if (user.is(Roles.ADMIN)) {
            return ALL;
        }
        if (user.is(Roles.UNIT_ADMIN) && user.unitCode().isPresent()) {
            return new UnitScope(user.unitCode().get());
        }
        throw CurrentUser.forbidden("Only the office, or a unit-admin under its own unit, may change units");
    }

    public boolean everything() {
        return root == null;
    }

    /** Whether {@code code} is the scope's own unit or lies under it, following {@code parentOf} upwards. */
    public boolean covers(String code, UnaryOperator<String> parentOf) {
        if (everything()) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (String at = code; at != null && seen.add(at) && seen.size() <= MAX_DEPTH; at = parentOf.apply(at)) {
            if (at.equals(root)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code code} lies strictly under the scope's own unit (for the office: any unit). */
    public boolean coversBelow(String code, UnaryOperator<String> parentOf) {
        return everything() || (!root.equals(code) && covers(code, parentOf));
    }

    /** Whether {@code ancestor} is {@code code} itself or one of the units above it (a loop stops the walk). */
    public static boolean under(String code, String ancestor, UnaryOperator<String> parentOf) {
        return new UnitScope(ancestor).covers(code, parentOf);
    }

    /** The 403 for a unit outside the scope, in words a unit's staff understand. */
    public ProblemException outside(String detail) {
        return new ProblemException(403, "outside-own-units", "Forbidden",
                detail + "（只能维护本单位 " + root + " 下属的单位）");
    }
}
