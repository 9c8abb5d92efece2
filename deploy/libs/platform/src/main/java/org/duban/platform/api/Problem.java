package org.duban.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, as every Duban service answers an error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json).")
public record Problem(
        @Schema(description = "URI reference naming the kind of problem", example = "urn:duban:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence", example = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path this occurrence belongs to", example = "/api/units")
        String instance,
        @Schema(description = "Per-field validation errors")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:duban:problem:";

    /** One invalid field of a request. */
    public record FieldError(
            @Schema(example = "contacts.email") String field,
            @Schema(example = "must be a well-formed email address") String message) {
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
