package org.duban.platform.api;

import java.util.List;

/**
 * A domain error that reaches the client as an RFC 9457 problem. Services throw the factory
 * methods' results; {@link ProblemMappers} turns them into responses.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    public static ProblemException validation(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail);
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "version-required", "Precondition required", detail);
    }

    public static ProblemException unprocessable(String slug, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(422, slug, "Unprocessable content", detail, errors);
    }

    public static ProblemException unavailable(String slug, String detail) {
        return new ProblemException(503, slug, "Service unavailable", detail);
    }
}
