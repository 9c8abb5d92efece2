package org.duban.platform.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A multipart body that ends before its closing boundary is the client's broken upload (400), not an internal error. */
class MultipartCutShortTest {

    @Test
    void theParsersIoExceptionIsABrokenUpload() {
        IOException parser = new IOException("Connection terminated parsing multipart request");
        parser.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition$MultiPartUploadHandler",
                "parseBlocking", "MultiPartParserDefinition.java", 250)});
        assertTrue(ProblemMappers.multipartCutShort(parser));
        assertTrue(ProblemMappers.multipartCutShort(new RuntimeException(parser)));
    }

    @Test
    void otherIoFailuresStayUnexpected() {
        assertFalse(ProblemMappers.multipartCutShort(new IOException("disk full")));
        assertFalse(ProblemMappers.multipartCutShort(new IllegalStateException("Connection terminated parsing multipart request")));
    }
}
