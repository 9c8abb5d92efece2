package org.duban.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where exceptions become RFC 9457 answers. No class name, message of an unexpected
 * exception or stack trace ever reaches a client; unexpected errors are logged with an id that the
 * answer repeats, so an operator can find them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Where RESTEasy Reactive parses multipart bodies. */
    private static final String MULTIPART_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        Problem problem = new Problem("about:blank", title, status, detailFor(status, uri), null, null);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem.withInstance(path(uri)));
        if (original != null) {
            // keep Allow, WWW-Authenticate, Retry-After and the like
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + "unauthenticated", "Unauthorized", 401,
                "A valid bearer token is required", null, null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer realm=\"duban\"")
                .entity(problem.withInstance(path(uri))).build();
    }

    /** Keycloak cannot be reached to check the token: 503, the caller did nothing wrong. */
    @ServerExceptionMapper
    public Response issuerUnavailable(OIDCException e, UriInfo uri) {
        LOG.warnf("Token check failed: %s", e.getMessage());
        Problem problem = new Problem(Problem.TYPE_PREFIX + "issuer-unavailable", "Service unavailable", 503,
                "The token issuer cannot be reached to check the bearer token; try again shortly", null, null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem.withInstance(path(uri))).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "Your role does not allow this", null, null), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toCollection(ArrayList::new));
        return respond(ProblemException.validation(errors).problem(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON for this operation";
        List<Problem.FieldError> errors = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            errors = List.of(new Problem.FieldError(field, "has a value of the wrong type or form"));
            detail = field + ": has a value of the wrong type or form";
        } else if (e.getLocation() != null) {
            detail += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return respond(new ProblemException(400, "malformed-body", "Malformed request body", detail, errors).problem(), uri);
    }

    /** Quarkus maps these more specific Jackson errors itself, with a non-problem body; this wins. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return respond(ProblemException.preconditionFailed(
                "The resource was changed by someone else meanwhile; read it again and retry").problem(), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        java.sql.SQLException duplicate = uniqueViolation(e);
        if (duplicate != null) {
            // two writers raced for the same unique key: the loser is told, nothing was stored
            LOG.debugf("unique key conflict on %s: %s", path(uri), duplicate.getMessage());
            return respond(ProblemException.conflict("duplicate", "This conflicts with something stored meanwhile "
                    + "(the same name, code or key); read it again and retry").problem(), uri);
        }
        if (clientGone(e)) {
            // the caller hung up while its body was being read: nothing was done, and nobody reads the answer
            LOG.debugf("client closed the connection on %s before its request was read", path(uri));
            return respond(new Problem("about:blank", "Bad Request", 400,
                    "The connection closed before the request body was read", null, null), uri);
        }
        if (multipartCutShort(e)) {
            // the body ends before its closing boundary: the client sent a broken upload
            return respond(new ProblemException(400, "malformed-body", "Malformed request body",
                    "The multipart body is cut short or malformed; send each part and the closing boundary", null).problem(), uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        Problem problem = new Problem(Problem.TYPE_PREFIX + "internal", "Internal error", 500,
                "An unexpected error occurred; it was logged as " + errorId, null, null);
        return respond(problem, uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.withInstance(path(uri))).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String detailFor(int status, UriInfo uri) {
        return switch (status) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "Nothing is found at " + path(uri);
            case 405 -> "This method is not allowed on " + path(uri);
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not supported here";
            default -> "The request cannot be served as it is";
        };
    }

    /**
     * "create.request.contacts.email" → "contacts.email": drop the method and parameter names of a
     * body; a violated query, path or header parameter is named by itself ("size").
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                names.clear();
                continue;
            }
            if (node.isInIterable() && !names.isEmpty()) {
                String key = node.getIndex() != null ? String.valueOf(node.getIndex()) : String.valueOf(node.getKey());
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + key + "]");
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter != null ? parameter : "body";
    }

    /** Whether reading the request failed because the caller closed the connection. */
    static boolean clientGone(Throwable e) {
        return cause(e, t -> t instanceof java.nio.channels.ClosedChannelException) != null;
    }

    /**
     * Whether RESTEasy Reactive's multipart parser gave up on the body: it throws a plain IOException
     * ("Connection terminated parsing multipart request") when the body ends before its closing boundary.
     */
    static boolean multipartCutShort(Throwable e) {
        return cause(e, t -> t instanceof java.io.IOException && t.getStackTrace().length > 0
                && t.getStackTrace()[0].getClassName().startsWith(MULTIPART_PARSER)) != null;
    }

    /** The unique-key violation (SQLSTATE 23505) somewhere in the cause chain, if any. */
    static java.sql.SQLException uniqueViolation(Throwable e) {
        return (java.sql.SQLException) cause(e, t -> t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()));
    }

    /** The first throwable in the cause chain (e itself included) that matches, or null. */
    private static Throwable cause(Throwable e, java.util.function.Predicate<Throwable> matches) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (matches.test(t)) {
                return t;
            }
        }
        return null;
    }
}
