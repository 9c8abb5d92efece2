package org.duban.gateway.console;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.duban.testsupport.TestTokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services as far as the gateway's OpenAPI merge sees them: each serves, at {@code /q/openapi}, the
 * document its own build wrote ({@code <service>/target/openapi/openapi.json}, Quarkus'
 * {@code store-schema-directory} set in the parent POM). The gateway's pom lists the services as test
 * dependencies, so the reactor builds them first.
 */
public class BuiltServiceDocuments implements QuarkusTestResourceLifecycleManager {

    static final List<String> SERVICES = List.of("unit-service", "task-service", "reminder-service");

    private final List<HttpServer> servers = new ArrayList<>();

    /** A service's document as its build wrote it; fails plainly when the service was not built. */
    static Path document(String service) {
        Path doc = Path.of("..", service, "target", "openapi", "openapi.json").toAbsolutePath().normalize();
        if (!Files.isRegularFile(doc)) {
            throw new IllegalStateException(doc + " is missing: build the services with the gateway (./mvnw -pl gateway -am verify)");
        }
        return doc;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String service : SERVICES) {
            byte[] body = read(document(service));
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/q/openapi", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                servers.add(server);
                config.put("duban.gateway.services." + service + ".url", "http://127.0.0.1:" + server.getAddress().getPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        config.put("quarkus.oidc.auth-server-url", TestTokens.issuer());
        return config;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
    }
}
