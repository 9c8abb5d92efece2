package org.duban.unit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.duban.testsupport.PostgresAndKafkaResource;

/** Every test of this module runs against the shared embedded PostgreSQL (database duban_unit) and Kafka. */
@QuarkusTestResource(value = PostgresAndKafkaResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "duban_unit"))
public class TestInfrastructure {
}
