package org.duban.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.duban.testsupport.OpenApiDocuments;
import org.duban.testsupport.TestTokens;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the three services that serve, at {@code /q/openapi}, the OpenAPI document each service's
 * own tests hold to be its real one ({@code docs/openapi/<service>.json}), so that the gateway merges
 * what the services really describe.
 */
public class CommittedServices implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("unit-service", "task-service", "reminder-service");

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        for (String service : SERVICES) {
            HttpServer server = serve(service);
            servers.add(server);
            config.put("duban.gateway.services." + service + ".url", "http://127.0.0.1:" + server.getAddress().getPort());
        }
        config.put("quarkus.oidc.auth-server-url", TestTokens.issuer());
        return config;
    }

    private static HttpServer serve(String service) {
        try {
            byte[] document = Files.readAllBytes(OpenApiDocuments.directory().resolve(service + ".json"));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/q/openapi", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After {@link EchoBackend} (which every test of this module gets): these services' addresses win. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}
