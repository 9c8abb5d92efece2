package org.duban.task.evidence;

/** The kinds of file accepted as evidence (佐证材料), each known by its content, never by its name. */
public enum EvidenceType {
    PDF("application/pdf", "pdf"),
    OFD("application/ofd", "ofd"),
    DOC("application/msword", "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLS("application/vnd.ms-excel", "xls"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    ZIP("application/zip", "zip");

    private final String mediaType;
    private final String extension;

    EvidenceType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** "pdf, ofd, doc, docx, xls, xlsx, jpg, png, zip": for messages. */
    public static String allowed() {
        return String.join(", ", java.util.Arrays.stream(values()).map(EvidenceType::extension).toList());
    }
}
