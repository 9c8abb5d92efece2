package org.duban.unit;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.duban.testsupport.TestTokens;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's request id: the gateway's X-Request-Id reaches the logging context of the thread
 * that serves the request (so every log line names it) and comes back on the answer.
 */
@QuarkusTest
class RequestIdTest {

    /** A test-only endpoint that logs one line and answers the request id it sees in the logging context. */
    @Path("/test/request-id")
    public static class Probe {
        private static final Logger LOG = Logger.getLogger(Probe.class);

        @GET
        @PermitAll
        @Operation(hidden = true)
        public String get() {
            LOG.info("probe served");
            Object id = MDC.get("requestId");
            return id == null ? "" : id.toString();
        }
    }

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final ExtHandler capture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            record.copyMdc();
            records.add(record);
        }
    };

    @BeforeEach
    void listen() {
        org.jboss.logmanager.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        org.jboss.logmanager.Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void theGatewaysRequestIdIsLoggedAndEchoed() {
        given().header("X-Request-Id", "gw-7f3a-42")
                .when().get("/test/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", "gw-7f3a-42")
                .body(equalTo("gw-7f3a-42"));
        assertTrue(records.stream().anyMatch(r -> "probe served".equals(r.getMessage())
                        && "gw-7f3a-42".equals(r.getMdc("requestId"))),
                "the endpoint's log line carries the request id");
    }

    @Test
    void aCallerWithoutAnIdGetsOne() {
        String id = given().when().get("/test/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().when().get("/test/request-id").then().header("X-Request-Id", not(equalTo(id)));
    }

    @Test
    void anIdThatCouldBreakALogLineIsReplaced() {
        given().header("X-Request-Id", "x\" forged=1 " + "a".repeat(200))
                .when().get("/test/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void errorAnswersCarryTheIdToo() {
        given().header("X-Request-Id", "req-401")
                .when().get("/api/units")
                .then().statusCode(401)
                .header("X-Request-Id", "req-401");
        given().auth().oauth2(TestTokens.viewer()).header("X-Request-Id", "req-404")
                .when().get("/api/units/no-such-unit")
                .then().statusCode(404)
                .header("X-Request-Id", "req-404")
                .body("status", equalTo(404));
    }
}
