package org.duban.task;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.duban.localstack.ServiceProcess;
import org.duban.testsupport.SharedInfrastructure;

import java.util.Map;

/** The real unit-service, as packaged, for plan import to resolve responsibility texts against. */
@QuarkusTestResource(value = UnitServiceResource.class, restrictToAnnotatedClass = false)
public class UnitServiceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.unit-service.url", ServiceProcess.url("unit-service", SharedInfrastructure.wiring("duban_unit")));
    }

    @Override
    public void stop() {
        // one process per test JVM; stopped when the JVM exits
    }
}
