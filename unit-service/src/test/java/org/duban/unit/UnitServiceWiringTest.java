package org.duban.unit;

import io.quarkus.test.junit.QuarkusTest;
import org.duban.testsupport.ServiceWiringContract;

@QuarkusTest
class UnitServiceWiringTest extends ServiceWiringContract {

    @Override
    protected String topic() {
        return "duban.units";
    }
}
