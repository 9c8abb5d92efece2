package org.duban.gateway.routing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.duban.gateway.ReminderStandIn;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two paths of the live inbox and the calendar feeds through the gateway: the event stream goes through as it
 * is written (not buffered) and may stay silent longer than the request timeout (1 s here), with Last-Event-ID passed
 * on; a unit's calendar URL goes to reminder-service although /api/units is unit-service's; a feed needs no token.
 */
@QuarkusTest
@QuarkusTestResource(value = ReminderStandIn.class, restrictToAnnotatedClass = true)
class LiveInboxAndFeedsTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void theStreamGoesThroughUnbufferedAndOutlivesTheRequestTimeout() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            String token = TestTokens.unit("gov-340100");
            long started = System.nanoTime();
            HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(URI.create(gateway.toString()).resolve("/api/notifications/stream"))
                    .header("Authorization", "Bearer " + token).header("Last-Event-ID", "40").header("Accept", "text/event-stream")
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            List<String> lines = new ArrayList<>();
            long firstEvent = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("data:") && firstEvent == 0) {
                        firstEvent = System.nanoTime();
                    }
                }
            }
            long ended = System.nanoTime();
            double firstMs = (firstEvent - started) / 1e6;
            assertTrue(firstMs < 1500, "the first event came through while the service was still writing: " + firstMs + " ms");
            assertTrue((ended - firstEvent) / 1e6 > 2000, "the second came 2.5 s later");
            assertEquals("id: 41", lines.get(0));
            assertEquals("data: {\"authorization\":\"Bearer " + token + "\",\"lastEventId\":\"40\"}", lines.get(2));
            assertTrue(lines.contains("id: 42"), "2.5 s of silence, longer than the request timeout, did not end the stream: " + lines);
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void anythingElseOfTheSameServiceStillHasTheRequestTimeout() {
        given().when().get("/api/notifications/slow").then().statusCode(504);
    }

    @Test
    void aUnitsCalendarUrlIsReminderServicesTheRestOfTheUnitIsUnitServices() {
        String token = TestTokens.unit("gov-340100");
        given().auth().oauth2(token).when().post("/api/units/gov-340100/calendar-feed").then().statusCode(200)
                .body("service", equalTo("reminder-service"))
                .body("path", equalTo("/api/units/gov-340100/calendar-feed"))
                .body("authorization", equalTo("Bearer " + token));
        given().auth().oauth2(token).when().get("/api/units/gov-340100").then().statusCode(200)
                .body("service", equalTo("unit-service"));
        given().auth().oauth2(token).when().get("/api/units/gov-340100/calendar-feedx").then()
                .body("service", equalTo("unit-service"));
    }

    @Test
    void aFeedNeedsNoTokenAndAnswers304ToItsETag() {
        given().when().get("/api/calendar-feeds/Jq3n1d0nqvW8sXo4kq4JtO0P2m8vQ9dX7r6yZt0a1bc.ics").then().statusCode(200)
                .contentType("text/calendar; charset=utf-8")
                .header("ETag", "\"feed-1\"")
                .header("X-Authorization-Seen", "null")
                .body(equalTo(ReminderStandIn.ICS));
        given().header("If-None-Match", "\"feed-1\"")
                .when().get("/api/calendar-feeds/Jq3n1d0nqvW8sXo4kq4JtO0P2m8vQ9dX7r6yZt0a1bc.ics").then().statusCode(304);
    }
}
