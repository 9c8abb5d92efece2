package org.duban.gateway.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouteTableTest {

    private static final RouteTable TABLE = RouteTable.of(services(
            "unit-service", "http://units:8082", List.of("/api/units", "/api/unit-groups/"),
            "task-service", "http://tasks:8081", List.of("/api/plans", "/api/tasks", "/api/assignments", "/api/sync"),
            "reminder-service", "http://reminders:8083", List.of("/api/reminders", "/api/reminder-policies", "/api/calendar",
                    "/api/calendar-feeds", "/api/units/*/calendar-feed")));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/api/units, unit-service",
            "/api/units/gov-340100, unit-service",
            "/api/units/resolve, unit-service",
            "/api/unit-groups, unit-service",
            "/api/unit-groups/cities/members, unit-service",
            "/api/plans/7/tasks, task-service",
            "/api/sync/assignments, task-service",
            "/api/reminders/run, reminder-service",
            "/api/reminder-policies/default, reminder-service",
            "/api/units/gov-340100/calendar-feed, reminder-service",
            "/api/units/gov-340100/calendar-feed/, reminder-service",
            "/api/units/gov-340100/calendar-feedx, unit-service",
            "/api/units//calendar-feed, unit-service",
            "/api/units/calendar-feed, unit-service",
            "/api/calendar-feeds/Jq3n1d0nqvW8sXo4kq4JtO0P2m8vQ9dX7r6yZt0a1bc.ics, reminder-service",
            "/api/calendar/2022, reminder-service",
            "/api/calendarx, -",
            "/api/unitsx, -",
            "/api/unit, -",
            "/api/me, -",
            "/q/health/ready, -",
            "/, -",
    })
    void routesByPrefix(String path, String service) {
        assertEquals(service.equals("-") ? null : service,
                TABLE.match(path).map(RouteTable.Route::service).orElse(null));
    }

    @Test
    void theLongestPrefixWins() {
        RouteTable table = RouteTable.of(services(
                "a", "http://a", List.of("/api"),
                "b", "http://b", List.of("/api/special")));
        assertEquals("b", table.match("/api/special/1").orElseThrow().service());
        assertEquals("a", table.match("/api/specialist").orElseThrow().service());
    }

    @Test
    void theRouterSeesWhatTheTableSees() {
        for (String path : List.of("/api/units/gov-340100/calendar-feed", "/api/units/a/calendar-feed/x", "/api/units/a/calendar-feedx",
                "/api/units/calendar-feed", "/api/units//calendar-feed", "/api/calendar-feeds/x.ics")) {
            for (RouteTable.Route route : TABLE.routes()) {
                assertEquals(route.matches(path), path.matches(route.regex()), route.prefix() + " on " + path);
            }
        }
    }

    @Test
    void aWildcardIsAWholeSegment() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(services("a", "http://a", List.of("/api/units/x*"))));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(services("a", "http://a", List.of("/api//x"))));
    }

    @Test
    void aPrefixServedByTwoServicesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(services(
                "a", "http://a", List.of("/api/x"),
                "b", "http://b", List.of("/api/x/"))));
    }

    @Test
    void aPrefixMustBeAPath() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(services("a", "http://a", List.of("api/x"))));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(services("a", "http://a", List.of("/"))));
    }

    private static Map<String, Map.Entry<URI, List<String>>> services(Object... triples) {
        Map<String, Map.Entry<URI, List<String>>> services = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            @SuppressWarnings("unchecked")
            List<String> prefixes = (List<String>) triples[i + 2];
            services.put((String) triples[i], Map.entry(URI.create((String) triples[i + 1]), prefixes));
        }
        return services;
    }
}
