package org.duban.platform.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caller that hangs up mid-body is not an internal error (no ERROR log, no error id). */
class ClientGoneTest {

    @Test
    void aClosedChannelUnderTheBodyReadIsTheClientLeaving() {
        // what RESTEasy Reactive throws when the connection closes while Jackson reads the body
        assertTrue(ProblemMappers.clientGone(new IOException(new ClosedChannelException())));
    }

    @Test
    void otherFailuresStayUnexpected() {
        assertFalse(ProblemMappers.clientGone(new IOException("disk full")));
        assertFalse(ProblemMappers.clientGone(new IllegalStateException(new NullPointerException())));
    }
}
