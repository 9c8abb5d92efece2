package org.duban.tokens;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;

/**
 * A bearer token is verified once per process, not once per request. quarkus-oidc checks a token's RS256
 * signature and claims on every request (jose4j: a tenth of task-service's CPU on a list request, and the gateway
 * checks the same token again); the console and an integrator send the same token for minutes. So:
 * <ul>
 *   <li>{@link Remember}, an augmentor, keeps the identity quarkus-oidc built for a token, keyed by the token's
 *   exact text, until the token's {@code exp};</li>
 *   <li>{@link Recall}, an identity provider asked before quarkus-oidc's, answers a request with that identity when
 *   it carries the same token, not expired, and otherwise passes the request on to quarkus-oidc.</li>
 * </ul>
 * What a check at each request would also not catch is not caught here either: a token stays valid until it
 * expires (Keycloak's access tokens: 5 minutes). An expired token is never answered from memory. The identity is
 * given the request's own routing context. {@code duban.verified-tokens.enabled=false} turns it off;
 * {@code duban.verified-tokens.max-size} (10,000) bounds it.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(VerifiedTokens.class);

    /** Marks an identity answered from memory, so that it is not remembered again. */
    static final String RECALLED = VerifiedTokens.class.getName() + ".recalled";

    private final boolean enabled;
    private final TokenCache<SecurityIdentity> cache;
    private final java.util.concurrent.atomic.AtomicLong recalled = new java.util.concurrent.atomic.AtomicLong();

    VerifiedTokens(@ConfigProperty(name = "duban.verified-tokens.enabled", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "duban.verified-tokens.max-size", defaultValue = "10000") int maxSize) {
        this.enabled = enabled;
        this.cache = new TokenCache<>(maxSize, () -> System.currentTimeMillis() / 1000);
    }

    /** Whether this exact token is remembered, not expired (for tests and diagnostics). */
    public boolean remembers(String token) {
        return recall(token) != null;
    }

    /** How many requests were answered from memory since the start. */
    public long recalled() {
        return recalled.get();
    }

    void countRecall() {
        recalled.incrementAndGet();
    }

    SecurityIdentity recall(String token) {
        return enabled && token != null ? cache.find(token) : null;
    }

    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || identity.getAttribute(RECALLED) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        // only a bearer token that this identity was built from, and only with an expiry
        if (credential == null || !jwt.getRawToken().equals(credential.getToken()) || jwt.getExpirationTime() <= 0) {
            return;
        }
        cache.remember(credential.getToken(), identity, jwt.getExpirationTime());
        LOG.debugf("Remembering the token of %s until %d (%d tokens known, %d requests answered from memory)",
                identity.getPrincipal().getName(), jwt.getExpirationTime(), cache.size(), recalled.get());
    }

    /** Asked before quarkus-oidc's provider: the identity of a token verified before, or nothing. */
    @ApplicationScoped
    public static class Recall implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        Recall(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            // before quarkus-oidc's, which keeps the interface's default (SYSTEM_FIRST + 1): at a tie the order of the
            // two was the order the beans happened to be found in, and the memory was asked only sometimes
            return SYSTEM_FIRST + 1000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            SecurityIdentity known = tokens.recall(request.getToken().getToken());
            if (known == null) {
                return Uni.createFrom().nullItem(); // quarkus-oidc verifies it
            }
            tokens.countRecall();
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known).addAttribute(RECALLED, Boolean.TRUE);
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (routing != null) {
                // what quarkus-oidc puts in an identity for the request it serves
                identity.addAttribute(RoutingContext.class.getName(), routing);
                Object blocking = routing.get(AuthenticationRequestContext.class.getName());
                if (blocking != null) {
                    identity.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
                }
            }
            return Uni.createFrom().item(identity.build());
        }
    }

    /** Keeps each identity quarkus-oidc built from a bearer token; runs after the other augmentors. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                             Map<String, Object> attributes) {
            return augment(identity, context);
        }
    }
}
