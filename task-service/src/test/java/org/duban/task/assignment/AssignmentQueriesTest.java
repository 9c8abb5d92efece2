package org.duban.task.assignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.duban.platform.api.PageRequest;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list page's total is the number of matches on every page — a full one, the last part page (known without a
 * count), a page past the end — and the pages together are the matches.
 */
@QuarkusTest
class AssignmentQueriesTest {

    private static final String HEFEI = "gov-340100";

    private static JsonPath page(long plan, int page, int size) {
        return given().auth().oauth2(TestTokens.admin())
                .queryParam("planId", plan).queryParam("unit", HEFEI).queryParam("page", page).queryParam("size", size)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath();
    }

    private static PageRequest request(int page, int size) {
        PageRequest p = new PageRequest();
        p.page = page;
        p.size = size;
        return p;
    }

    @Test
    void aPartPageIsTheLastSoItsTotalNeedsNoCount() {
        AtomicInteger counted = new AtomicInteger();
        assertEquals(7, AssignmentQueries.total(7, request(0, 50), () -> counted.incrementAndGet() * 1000L));
        assertEquals(107, AssignmentQueries.total(7, request(2, 50), () -> counted.incrementAndGet() * 1000L));
        assertEquals(0, counted.get());
        assertEquals(1600, AssignmentQueries.total(50, request(0, 50), () -> 1600L));
        assertEquals(1600, AssignmentQueries.total(0, request(40, 50), () -> 1600L));
        assertEquals(0, AssignmentQueries.total(0, request(0, 50), () -> 0L));
    }

    @Test
    void everyPageTellsTheSameTotalAndThePagesTogetherAreTheMatches() {
        long plan = SamplePlan.id();
        JsonPath all = page(plan, 0, 500);
        long total = all.getLong("total");
        List<Long> ids = all.getList("items.id", Long.class);
        assertTrue(total > 7 && total < 500, "Hefei has some dozens of shares in the sample plan: " + total);
        assertEquals(total, ids.size());

        int size = 7;
        List<Long> paged = new java.util.ArrayList<>();
        for (int p = 0; p * size < total; p++) {
            JsonPath one = page(plan, p, size);
            assertEquals(total, one.getLong("total"), "page " + p);
            paged.addAll(one.getList("items.id", Long.class));
        }
        assertEquals(ids, paged, "the pages in order are the whole list in order");

        JsonPath past = page(plan, (int) (total / size) + 3, size);
        assertEquals(0, past.getList("items").size());
        assertEquals(total, past.getLong("total"), "a page past the end still tells the total");

        JsonPath none = given().auth().oauth2(TestTokens.admin()).queryParam("planId", plan).queryParam("unit", "no-such-unit")
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath();
        assertEquals(0, none.getLong("total"));
    }
}
