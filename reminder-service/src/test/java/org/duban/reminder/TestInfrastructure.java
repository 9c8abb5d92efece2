package org.duban.reminder;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.duban.testsupport.PostgresAndKafkaResource;

/**
 * Every test of this module runs against the shared embedded PostgreSQL (database duban_reminder) and
 * Kafka, with a local SMTP server for the e-mail channel.
 */
@QuarkusTestResource(value = PostgresAndKafkaResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "duban_reminder"))
@QuarkusTestResource(value = SmtpServer.class, restrictToAnnotatedClass = false)
public class TestInfrastructure {
}
