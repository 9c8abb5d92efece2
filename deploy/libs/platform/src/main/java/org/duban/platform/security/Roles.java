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

    private Roles() {
    }
}
