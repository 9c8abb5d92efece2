package org.duban.platform.security;

/** The realm roles of API.md. */
public final class Roles {

    /** The supervising office: everything. */
    public static final String ADMIN = "admin";
    /** Staff of one unit (the token's {@code unit_code}): their own unit's work. */
    public static final String UNIT = "unit";
    /** Reads everything, changes nothing. */
    public static final String VIEWER = "viewer";
    /** OA synchronisation service account: reads all, manages webhooks, pulls sync. */
    public static final String INTEGRATOR = "integrator";
    /**
     * With {@code unit}: a unit's staff who may also add and change the units under their own unit (its
     * subtree in the registry, any depth) — never their own unit's place, nor anything outside it.
     */
    public static final String UNIT_ADMIN = "unit-admin";

    private Roles() {
    }
}
