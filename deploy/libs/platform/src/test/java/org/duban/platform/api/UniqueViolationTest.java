package org.duban.platform.api;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class UniqueViolationTest {

    @Test
    void aDuplicateKeyDeepInTheCausesIsFound() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint unit_name_key", "23505");
        Throwable wrapped = new IllegalStateException("commit failed", new RuntimeException("flush", duplicate));
        assertSame(duplicate, ProblemMappers.uniqueViolation(wrapped));
    }

    @Test
    void otherDatabaseErrorsStayUnexpected() {
        assertNull(ProblemMappers.uniqueViolation(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertNull(ProblemMappers.uniqueViolation(new NullPointerException()));
    }
}
