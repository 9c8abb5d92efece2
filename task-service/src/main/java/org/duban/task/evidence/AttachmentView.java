package org.duban.task.evidence;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An evidence file as the REST API shows it. */
@Schema(name = "Attachment", description = "An evidence file (佐证材料) of an assignment")
public record AttachmentView(
        @Schema(example = "31") long id,
        @Schema(example = "1042") long assignmentId,
        @Schema(example = "合肥市政务公开工作进展报告.pdf") String fileName,
        @Schema(description = "What the content is, found from the content itself", example = "application/pdf") String contentType,
        @Schema(description = "Bytes", example = "482133") long size,
        @Schema(description = "SHA-256 of the content, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String sha256,
        @Schema(example = "staff-gov-340100") String uploadedBy,
        Instant uploadedAt) {

    public static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id, a.assignmentId, a.fileName, a.contentType, a.size, a.sha256, a.uploadedBy, a.uploadedAt);
    }
}
