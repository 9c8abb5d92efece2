package org.duban.platform.audit;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.duban.platform.api.RequestIds;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records every write that succeeded — POST, PUT, PATCH or DELETE answered with a 2xx — as an
 * {@link AuditRecord} in this service's outbox, for the topic {@code duban.audit}. Reads are never
 * recorded, nor previews ({@code ?dryRun=true}). The record is stored right after the answer is decided, when the
 * write has been committed, by {@link AuditWriter}: with the records of other writes of the same moment in one
 * transaction. A blocking endpoint's answer leaves once its record is stored (at most {@code WAIT_SECONDS} later); a failure
 * to record is logged, the answer stands.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** How long an answer waits for its record to be stored; past it the record is stored later, the answer leaves. */
    private static final long WAIT_SECONDS = 5;
    private static final List<String> DUBAN_ROLES = List.of(Roles.ADMIN, Roles.UNIT, Roles.VIEWER, Roles.INTEGRATOR);

    @Inject
    SecurityIdentity identity;

    @Inject
    AuditWriter writer;

    @Inject
    Clock clock;

    @Context
    ResourceInfo resource;

    @Context
    HttpServerRequest http;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "duban.audit.enabled", defaultValue = "true")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        int status = response.getStatus();
        if (!enabled || !WRITES.contains(method) || status < 200 || status >= 300 || dryRun(request)) {
            return;
        }
        AuditRecord record = record(request, response, method, status);
        var stored = writer.write(record);
        if (BlockingOperationControl.isBlockingAllowed()) {
            // as before the group commit: the answer leaves after its record is stored
            try {
                stored.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warnf("The audit record of %s by %s is not stored after %d s; the answer leaves, the record is stored later",
                        record.action(), record.actor(), WAIT_SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "Could not record %s by %s in the audit trail", record.action(), record.actor());
            }
        } // a non-blocking endpoint (the event loop) does not wait
    }

    /** A preview ({@code ?dryRun=true}, e.g. of a plan import) stores nothing, so it is no write to record. */
    private static boolean dryRun(ContainerRequestContext request) {
        return "true".equalsIgnoreCase(request.getUriInfo().getQueryParameters().getFirst("dryRun"));
    }

    private AuditRecord record(ContainerRequestContext request, ContainerResponseContext response, String method, int status) {
        String actor = "anonymous";
        String subject = null;
        String unit = null;
        if (identity != null && !identity.isAnonymous()) {
            actor = identity.getPrincipal().getName();
            if (identity.getPrincipal() instanceof JsonWebToken jwt) {
                if (jwt.getClaim("preferred_username") != null) {
                    actor = jwt.getClaim("preferred_username").toString();
                }
                subject = jwt.getSubject();
                Object claim = jwt.getClaim(CurrentUser.UNIT_CLAIM);
                if (claim != null && !claim.toString().isBlank()) {
                    unit = claim.toString().replace("\"", "");
                }
            }
        }
        List<String> roles = identity == null ? List.of()
                : DUBAN_ROLES.stream().filter(identity::hasRole).toList();
        String path = request.getUriInfo().getPath();
        String template = template(path);
        String forwarded = request.getHeaderString("X-Forwarded-For");
        String address = forwarded != null && !forwarded.isBlank()
                ? forwarded.split(",")[0].strip()
                : http != null && http.remoteAddress() != null ? http.remoteAddress().hostAddress() : null;
        String agent = request.getHeaderString("User-Agent");
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        return new AuditRecord(service, actor, subject, roles, unit, method, path, template, method + " " + template,
                resourceId(template, request.getUriInfo().getPathParameters(), response), status, cut(address, 100),
                cut(forwarded, 300), cut(agent, 300), requestId == null ? null : requestId.toString(), clock.instant());
    }

    /** The endpoint's template from its class and method {@code @Path}; the path itself when unmatched. */
    private String template(String path) {
        if (resource == null || resource.getResourceClass() == null) {
            return path;
        }
        return TEMPLATES.computeIfAbsent(new Endpoint(resource.getResourceClass(), resource.getResourceMethod()), AuditFilter::template);
    }

    /** An endpoint, as the key of its template (read from its annotations once, not at every write). */
    private record Endpoint(Class<?> type, java.lang.reflect.Method method) {
    }

    private static final java.util.Map<Endpoint, String> TEMPLATES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_]+)");

    private static String template(Endpoint endpoint) {
        Path onClass = endpoint.type().getAnnotation(Path.class);
        Path onMethod = endpoint.method() == null ? null : endpoint.method().getAnnotation(Path.class);
        String joined = "/" + strip(onClass == null ? "" : onClass.value()) + (onMethod == null ? "" : "/" + strip(onMethod.value()));
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }

    private static String strip(String part) {
        return part.replaceAll("^/+|/+$", "");
    }

    private static String resourceId(String template, MultivaluedMap<String, String> parameters,
                                     ContainerResponseContext response) {
        URI location = response.getLocation();
        if (response.getStatus() == 201 && location != null && location.getPath() != null) {
            String p = location.getPath().replaceAll("/+$", "");
            return p.substring(p.lastIndexOf('/') + 1);
        }
        String last = null;
        var names = PARAMETER.matcher(template);
        while (names.find()) {
            String value = parameters.getFirst(names.group(1));
            if (value != null) {
                last = value; // the last parameter in the path names the thing written
            }
        }
        return last;
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.length() <= max ? text : text.substring(0, max);
    }
}
