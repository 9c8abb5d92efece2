package org.duban.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service serves a request path. A prefix matches itself and everything below it
 * ({@code /api/units} matches {@code /api/units} and {@code /api/units/gov-340100}, never
 * {@code /api/unitsx}); the longest prefix wins. A segment {@code *} stands for any one segment:
 * {@code /api/units/*}{@code /calendar-feed} takes a unit's calendar URL to reminder-service while the rest of
 * {@code /api/units} goes to unit-service.
 */
public final class RouteTable {

    /** One prefix of one service. */
    public record Route(String prefix, String service, URI target) {

        /** Whether {@code path} is the prefix or lies below it. */
        public boolean matches(String path) {
            String[] want = prefix.substring(1).split("/");
            String[] have = path.substring(1).split("/", -1);
            if (have.length < want.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (want[i].equals("*") ? have[i].isEmpty() : !want[i].equals(have[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The same as a regular expression over the whole path, for the router. */
        public String regex() {
            StringBuilder regex = new StringBuilder();
            for (String segment : prefix.substring(1).split("/")) {
                regex.append('/').append(segment.equals("*") ? "[^/]+" : Pattern.quote(segment));
            }
            return regex.append("(/.*)?").toString();
        }
    }

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
    }

    /** @param services service name → (base URL, its prefixes) */
    public static RouteTable of(Map<String, Map.Entry<URI, List<String>>> services) {
        List<Route> routes = new ArrayList<>();
        Map<String, String> owners = new java.util.HashMap<>();
        services.forEach((service, entry) -> {
            for (String raw : entry.getValue()) {
                String prefix = normalise(raw);
                String previous = owners.putIfAbsent(prefix, service);
                if (previous != null && !previous.equals(service)) {
                    throw new IllegalArgumentException("prefix " + prefix + " is routed to both " + previous + " and " + service);
                }
                routes.add(new Route(prefix, service, entry.getKey()));
            }
        });
        return new RouteTable(routes);
    }

    public Optional<Route> match(String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }

    private static String normalise(String prefix) {
        String p = prefix.trim();
        if (!p.startsWith("/") || p.length() < 2) {
            throw new IllegalArgumentException("a route prefix must start with / and name a path: '" + prefix + "'");
        }
        p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        for (String segment : p.substring(1).split("/", -1)) {
            if (segment.isEmpty() || (segment.contains("*") && !segment.equals("*"))) {
                throw new IllegalArgumentException("a route prefix has whole segments, * for any one: '" + prefix + "'");
            }
        }
        return p;
    }
}
