package org.duban.gateway.headers;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.console.ConsoleConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The headers that harden what browsers do with the gateway's answers, set on every answer (the services' answers
 * passed through too) just before its head goes out:
 * <ul>
 * <li>the console (every path outside {@code /api} and {@code /q}): a strict Content-Security-Policy — scripts only
 * from the console's own files (no inline script, no eval), connections only to the gateway and the Keycloak realm
 * the console logs in at, styles from its own files plus the {@code style} attributes Element Plus and ECharts set
 * ({@code style-src-attr 'unsafe-inline'}, never inline {@code <style>} elements), no frames, no plugins, and no
 * framing by anyone ({@code frame-ancestors 'none'});</li>
 * <li>the API: {@code default-src 'none'} — a JSON answer or an evidence file opened directly runs nothing;</li>
 * <li>Quarkus' own pages ({@code /q}, Swagger UI with its inline scripts): only {@code frame-ancestors 'none'};</li>
 * <li>everywhere: {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy}, and {@code Strict-Transport-Security}
 * when {@code duban.gateway.headers.hsts} is on (production behind HTTPS).</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String QUARKUS_POLICY = "frame-ancestors 'none'";

    private final String consolePolicy;
    private final String referrerPolicy;
    private final String hsts;

    SecurityHeaders(SecurityHeadersConfig config, ConsoleConfig console) {
        this.consolePolicy = consolePolicy(console.authServerUrl(), config.connectSrc().orElse(List.of()));
        this.referrerPolicy = config.referrerPolicy();
        this.hsts = config.hsts() ? "max-age=" + config.hstsMaxAge().toSeconds() + "; includeSubDomains" : null;
    }

    /** The console's policy: its own origin, and the realm's origin to connect to (token refresh). */
    static String consolePolicy(String authServerUrl, List<String> extraConnect) {
        Set<String> connect = new LinkedHashSet<>();
        connect.add("'self'");
        connect.add(origin(authServerUrl));
        connect.addAll(extraConnect);
        List<String> directives = new ArrayList<>(List.of(
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "style-src-elem 'self'",
                "style-src-attr 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src " + String.join(" ", connect),
                "frame-src 'none'",
                "worker-src 'none'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'"));
        return String.join("; ", directives);
    }

    /** http://localhost:8180/realms/duban → http://localhost:8180 */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::mark);
    }

    private void mark(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String policy = path.equals("/api") || path.startsWith("/api/") ? API_POLICY
                : path.equals("/q") || path.startsWith("/q/") ? QUARKUS_POLICY
                : consolePolicy;
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set("Content-Security-Policy", policy);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", referrerPolicy);
            if (hsts != null) {
                headers.set("Strict-Transport-Security", hsts);
            }
        });
        ctx.next();
    }

    String consolePolicy() {
        return consolePolicy;
    }
}
