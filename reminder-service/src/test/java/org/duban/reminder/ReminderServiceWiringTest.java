package org.duban.reminder;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.ServiceWiringContract;

@QuarkusTest
class ReminderServiceWiringTest extends ServiceWiringContract {

    @Override
    protected String topic() {
        return "duban.notifications";
    }
}
