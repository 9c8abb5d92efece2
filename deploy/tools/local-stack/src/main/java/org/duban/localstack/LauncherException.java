package org.duban.localstack;

/** Stops a launcher command with a message for the user ({@code duban: error: …}, exit status 1). */
final class LauncherException extends RuntimeException {

    LauncherException(String message) {
        super(message);
    }

    LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
