package org.duban.unit.transfer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the hostile-input campaign found on the imports (every service that takes uploads shares the
 * cause): a Content-Type that is no media type, and a multipart body without its closing boundary,
 * each answered 500. Both are the client's mistake: 415 and 400 problems, and nothing is imported.
 */
@QuarkusTest
class BrokenUploadsTest {

    @TestHTTPResource("/api/units/import")
    URL importUrl;

    @Test
    void aContentTypeThatIsNoMediaTypeIsA415Problem() throws Exception {
        HttpResponse<String> answer = post("{{7*7}}/${jndi:x}", "code,name\nx,y\n");

        assertEquals(415, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = new JsonObject(answer.body());
        assertEquals(415, problem.getInteger("status"));
        assertEquals("/api/units/import", problem.getString("instance"));
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryIsA400Problem() throws Exception {
        HttpResponse<String> answer = post("multipart/form-data; boundary=cut-short",
                "--cut-short\r\nContent-Disposition: form-data; name=\"file\"; filename=\"units.csv\"\r\n\r\ncode,name\nx,y\n");

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = new JsonObject(answer.body());
        assertEquals("urn:duban:problem:malformed-body", problem.getString("type"));
        assertEquals("The multipart body is cut short or malformed; send each part and the closing boundary", problem.getString("detail"));
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(importUrl.toString()))
                    .header("Authorization", "Bearer " + TestTokens.admin())
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
