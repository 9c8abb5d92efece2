package org.duban.platform.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The list envelope of API.md: {@code {"items": [...], "page": 0, "size": 50, "total": 123}}. */
@Schema(description = "One page of a list")
public record PageResponse<T>(
        List<T> items,
        @Schema(description = "Zero-based page number", example = "0") int page,
        @Schema(description = "Page size asked for", example = "50") int size,
        @Schema(description = "Items in the whole list", example = "123") long total) {
}
