package org.duban.task.service;

import org.duban.platform.api.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When a list page needs a count query, and what it answers when it does not. */
class AssignmentQueriesTest {

    private static PageRequest page(int page, int size) {
        PageRequest p = new PageRequest();
        p.page = page;
        p.size = size;
        return p;
    }

    @Test
    void aPartPageIsTheLastSoItsTotalNeedsNoCount() {
        AtomicInteger counted = new AtomicInteger();
        assertEquals(7, AssignmentQueries.total(7, page(0, 50), () -> counted.incrementAndGet() * 1000L));
        assertEquals(107, AssignmentQueries.total(7, page(2, 50), () -> counted.incrementAndGet() * 1000L));
        assertEquals(0, counted.get());
    }

    @Test
    void aFullOrEmptyPageAsksTheDatabase() {
        assertEquals(1600, AssignmentQueries.total(50, page(0, 50), () -> 1600L));
        assertEquals(1600, AssignmentQueries.total(0, page(40, 50), () -> 1600L)); // past the end: the total still tells
        assertEquals(0, AssignmentQueries.total(0, page(0, 50), () -> 0L));
    }
}
