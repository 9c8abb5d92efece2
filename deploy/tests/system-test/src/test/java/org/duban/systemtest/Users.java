package org.duban.systemtest;

import org.duban.localstack.KeycloakProcess;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The people and systems of the story, with real access tokens from Keycloak: the development users
 * of the {@code duban} realm sign in with the password grant on the public client {@code duban-web};
 * the OA integration uses the client-credentials grant of {@code duban-integrator}. A token is reused
 * until it is about to expire (they live five minutes).
 */
final class Users {

    private static final Map<String, KeycloakProcess.Token> TOKENS = new ConcurrentHashMap<>();

    private Users() {
    }

    /** The supervising office (省政务公开办): role admin. */
    static String office() {
        return user("office");
    }

    /** Read-only: role viewer. */
    static String viewer() {
        return user("viewer");
    }

    /** Staff of 合肥市人民政府 (unit gov-340100). */
    static String hefei() {
        return user("hefei");
    }

    /** Staff of 芜湖市人民政府 (unit gov-340200). */
    static String wuhu() {
        return user("wuhu");
    }

    /** Staff of 省发展改革委 (unit ah-fgw). */
    static String fgw() {
        return user("fgw");
    }

    /** An OA system's service account: role integrator. */
    static String integrator() {
        return cached("duban-integrator", () -> SystemStack.get().keycloak
                .clientCredentials(SystemStack.REALM, "duban-integrator", "duban-integrator-secret"));
    }

    private static String user(String name) {
        // the development users' passwords are their names
        return cached(name, () -> SystemStack.get().keycloak.password(SystemStack.REALM, "duban-web", name, name));
    }

    private static String cached(String key, Supplier<KeycloakProcess.Token> fetch) {
        return TOKENS.compute(key, (k, token) -> token != null && token.expiresAt().isAfter(Instant.now().plusSeconds(60))
                ? token : fetch.get()).accessToken();
    }
}
