package org.duban.reminder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * Every endpoint of reminder-service × (anonymous, viewer, the unit the item belongs to, another unit,
 * integrator, admin), with real signed tokens.
 */
@QuarkusTest
class ReminderAuthorizationTest {

    static final String HEFEI = "gov-340100";
    static final String WUHU = "gov-340200";
    static long notificationId;

    @Inject
    EntityManager em;

    @BeforeEach
    void aHefeiNotification() {
        if (notificationId == 0) {
            notificationId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                    INSERT INTO notification (unit_code, assignment_id, task_number, kind, occasion, due_date, title, body, created_at, dispatched_at)
                    VALUES ('gov-340100', 990001, 39, 'DUE_SOON', DATE '2022-06-23', DATE '2022-06-30', 't', 'b', now(), now())
                    RETURNING id""").getSingleResult()).longValue());
        }
    }

    enum Who {
        ANONYMOUS(() -> null), VIEWER(TestTokens::viewer), OWN_UNIT(() -> TestTokens.unit(HEFEI)),
        OTHER_UNIT(() -> TestTokens.unit(WUHU)), INTEGRATOR(TestTokens::integrator), ADMIN(TestTokens::admin);

        final Supplier<String> token;

        Who(Supplier<String> token) {
            this.token = token;
        }
    }

    static Stream<Arguments> matrix() {
        // method, path, body, then the expected status for each Who in order
        return Stream.of(
                Arguments.of("GET", "/api/reminder-policies/default", null, new int[] {401, 200, 200, 200, 200, 200}),
                Arguments.of("PUT", "/api/reminder-policies/888001", "{\"leadDays\": [5]}", new int[] {401, 403, 403, 403, 403, 200}),
                Arguments.of("POST", "/api/reminders/run?at=2019-01-02T09:00:00%2B08:00", null, new int[] {401, 403, 403, 403, 403, 200}),
                Arguments.of("GET", "/api/notifications?unit=" + HEFEI, null, new int[] {401, 200, 200, 403, 200, 200}),
                Arguments.of("GET", "/api/notifications/{id}", null, new int[] {401, 200, 200, 403, 200, 200}),
                Arguments.of("POST", "/api/notifications/{id}/read", null, new int[] {401, 403, 200, 403, 403, 200}),
                Arguments.of("GET", "/api/calendar/2022", null, new int[] {401, 200, 200, 200, 200, 200}),
                Arguments.of("GET", "/api/calendar", null, new int[] {401, 200, 200, 200, 200, 200}),
                Arguments.of("GET", "/q/health/ready", null, new int[] {200, 200, 200, 200, 200, 200}),
                Arguments.of("GET", "/q/openapi", null, new int[] {200, 200, 200, 200, 200, 200}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void everyRoleGetsWhatItMay(String method, String path, String body, int[] expected) {
        StringBuilder mismatches = new StringBuilder();
        for (Who who : Who.values()) {
            RequestSpecification request = given().urlEncodingEnabled(false);
            String token = who.token.get();
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (body != null) {
                request.contentType(ContentType.JSON).body(body);
            }
            var answer = request.when().request(method, path.replace("{id}", Long.toString(notificationId))).then().extract();
            int want = expected[who.ordinal()];
            if (answer.statusCode() != want) {
                mismatches.append(who).append(": ").append(answer.statusCode()).append(" (want ").append(want).append(") ");
            } else if (want >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                mismatches.append(who).append(": ").append(want).append(" without a problem body ");
            }
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(method + " " + path + ": " + mismatches);
        }
    }
}
