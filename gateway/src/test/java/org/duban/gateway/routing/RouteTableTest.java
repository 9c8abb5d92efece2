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
            "reminder-service", "http://reminders:8083", List.of("/api/reminders", "/api/reminder-policies")));

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
