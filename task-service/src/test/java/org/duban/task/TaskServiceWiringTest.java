package org.duban.task;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.ServiceWiringContract;

@QuarkusTest
class TaskServiceWiringTest extends ServiceWiringContract {

    @Override
    protected String topic() {
        return "duban.assignments";
    }
}
