package org.duban.gateway.problem;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** The gateway's own endpoints answer errors as RFC 9457 problems, never with a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401).type(Problems.MEDIA_TYPE).header("WWW-Authenticate", "Bearer realm=\"duban\"")
                .entity(Problems.body(401, "unauthenticated", "Unauthorized", "A valid bearer token is required", path(uri)).encode())
                .build();
    }

    /** The realm cannot be reached to check the token: the caller may try again shortly, it did nothing wrong. */
    @ServerExceptionMapper
    public Response issuerUnavailable(OIDCException e, UriInfo uri) {
        LOG.warnf("Token check failed: %s", e.getMessage());
        return Response.fromResponse(problem(503, "issuer-unavailable", "Service unavailable",
                "The token issuer cannot be reached to check the bearer token; try again shortly", uri)).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your role does not allow this", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = status == 404 ? "No service serves " + path(uri) : "The request cannot be served as it is";
        return problem(status, status == 404 ? "not-found" : "http-" + status, title, detail, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, path(uri));
        return problem(500, "internal", "Internal error", "An unexpected error occurred; it was logged as " + id, uri);
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.body(status, type, title, detail, path(uri)).encode()).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
