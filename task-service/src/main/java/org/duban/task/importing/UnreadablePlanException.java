package org.duban.task.domain;

/** The file is not a document of the format it was sent as; the message can be shown to the user. */
public class UnreadablePlanException extends RuntimeException {

    public UnreadablePlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
