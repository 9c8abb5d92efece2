package org.duban.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.duban.platform.api.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** Who is calling, as the bearer token says. */
@RequestScoped
public class CurrentUser {

    public static final String UNIT_CLAIM = "unit_code";
    private static final String NO_UNIT = "\u0000";

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The name changes are recorded under. */
    public String username() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The unit a {@code unit} user works for. */
    public Optional<String> unitCode() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(UNIT_CLAIM);
            if (claim != null && !claim.toString().isBlank()) {
                return Optional.of(claim.toString().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /** Whether the caller may read every unit's work (admin, viewer, integrator). */
    public boolean readsAll() {
        return is(Roles.ADMIN) || is(Roles.VIEWER) || is(Roles.INTEGRATOR);
    }

    /**
     * The one unit whose work the caller may read, or empty when it may read all. A caller that
     * neither reads all nor has a unit gets a code no unit has, so a query scoped by it finds nothing.
     */
    public Optional<String> readScope() {
        if (readsAll()) {
            return Optional.empty();
        }
        return Optional.of(is(Roles.UNIT) ? unitCode().orElse(NO_UNIT) : NO_UNIT);
    }

    /** Answers 403 unless the caller may see everything or works for {@code unitCode}. */
    public void requireUnitOrReadAll(String unitCode) {
        if (readsAll()) {
            return;
        }
        requireOwnUnit(unitCode);
    }

    /** Answers 403 unless the caller is a {@code unit} user of {@code unitCode}. */
    public void requireOwnUnit(String unitCode) {
        if (!is(Roles.UNIT) || unitCode == null || !unitCode.equals(unitCode().orElse(null))) {
            throw forbidden("This belongs to another unit");
        }
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }
}
