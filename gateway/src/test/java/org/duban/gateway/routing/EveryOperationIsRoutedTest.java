package org.duban.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.duban.gateway.CommittedServices;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every path a service serves (its committed OpenAPI document, which its own tests hold to what it serves) is routed
 * to that service by the configured table: a new resource (say /api/milestones) that the table misses would be a 404
 * at the gateway for every browser.
 */
@QuarkusTest
class EveryOperationIsRoutedTest {

    @Inject
    ServiceProxy proxy;

    @Test
    void everyPathOfEveryServiceReachesIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String service : CommittedServices.SERVICES) {
            JsonNode document = new ObjectMapper().readTree(Files.readAllBytes(org.duban.testsupport.OpenApiDocuments.directory().resolve(service + ".json")));
            document.get("paths").fieldNames().forEachRemaining(path -> {
                String concrete = path.replaceAll("\\{[^}]+}", "1");
                String routed = proxy.table().match(concrete).map(RouteTable.Route::service).orElse("nothing");
                if (!routed.equals(service)) {
                    wrong.add(path + " (" + service + ") goes to " + routed);
                }
            });
        }
        assertEquals(List.of(), wrong);
    }
}
