package org.duban.gateway.traffic;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.duban.gateway.EchoBackend;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request size limit (64 KiB here, 256 KiB for an upload of evidence): declared lengths are checked
 * at once, chunked bodies as they stream.
 */
@QuarkusTest
@QuarkusTestResource(EchoBackend.class)
class SizeLimitTest {

    private static final int LIMIT = 64 * 1024;
    private static final int UPLOAD_LIMIT = 256 * 1024;
    private static final String UPLOAD = "/api/assignments/9/attachments";

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsForwarded() {
        given().contentType(ContentType.TEXT).body("x".repeat(LIMIT + 1))
                .when().post("/api/plans/import")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body has 65537 bytes; at most 65536 are accepted"));
    }

    @Test
    void aDeclaredBodyJustAtTheLimitPasses() {
        given().contentType(ContentType.TEXT).body("x".repeat(LIMIT))
                .when().post("/api/plans/import")
                .then().statusCode(201)
                .body("bodyLength", equalTo(LIMIT));
    }

    @Test
    void aStreamedBodyOverTheLimitIsCutAnd413() {
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[200 * 1024])) // chunked
                .when().post("/api/plans/import")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .header("X-Request-Id", not(emptyString()))
                .body("status", equalTo(413))
                .body("type", equalTo("urn:duban:problem:too-large"))
                .body("detail", equalTo("The request body is larger than the 65536 bytes accepted"))
                .body("instance", equalTo("/api/plans/import"));
        given().when().get("/api/plans").then().statusCode(200); // and the gateway goes on serving
    }

    @Test
    void aStreamedBodyOneByteOverTheLimitIsCut() {
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[LIMIT + 1]))
                .when().post("/api/plans/import")
                .then().statusCode(413);
    }

    @Test
    void aStreamedBodyJustAtTheLimitPasses() {
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[LIMIT]))
                .when().post("/api/plans/import")
                .then().statusCode(201)
                .body("bodyLength", equalTo(LIMIT));
    }

    @Test
    void aBodyInAnotherTransferCodingIsA400Problem() throws Exception {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/plans/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(), line.substring(line.indexOf(':') + 1).trim());
            }
            char[] body = new char[Integer.parseInt(headers.get("content-length"))];
            int read = 0;
            while (read < body.length) {
                read += in.read(body, read, body.length - read);
            }
            assertEquals("HTTP/1.1 400 Bad Request", status);
            assertEquals("application/problem+json", headers.get("content-type"));
            assertEquals("close", headers.get("connection"));
            assertTrue(new String(body).contains("\"type\":\"urn:duban:problem:bad-transfer-encoding\""), new String(body));
        }
    }

    @Test
    void anUploadMayBeLargerThanOtherBodiesUpToItsOwnLimit() {
        given().contentType("multipart/form-data; boundary=x").body(new byte[UPLOAD_LIMIT])
                .when().post(UPLOAD)
                .then().statusCode(201)
                .body("bodyLength", equalTo(UPLOAD_LIMIT));
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[UPLOAD_LIMIT])) // chunked
                .when().post(UPLOAD)
                .then().statusCode(201)
                .body("bodyLength", equalTo(UPLOAD_LIMIT));
    }

    @Test
    void anUploadOverItsLimitIs413DeclaredOrStreamed() {
        given().contentType("multipart/form-data; boundary=x").body(new byte[UPLOAD_LIMIT + 1])
                .when().post(UPLOAD)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body has 262145 bytes; at most 262144 are accepted"));
        given().contentType(ContentType.TEXT).body(new ByteArrayInputStream(new byte[UPLOAD_LIMIT + 1]))
                .when().post(UPLOAD)
                .then().statusCode(413)
                .body("detail", equalTo("The request body is larger than the 262144 bytes accepted"));
    }

    @Test
    void onlyAnUploadGetsTheLargerLimit() {
        byte[] body = new byte[LIMIT + 1];
        given().contentType(ContentType.JSON).body(body).when().post("/api/assignments/9/progress").then().statusCode(413);
        given().contentType(ContentType.JSON).body(body).when().put(UPLOAD).then().statusCode(413);
        given().contentType(ContentType.JSON).body(body).when().post(UPLOAD + "/x").then().statusCode(413);
    }

    @Test
    void anUploadMayTakeLongerThanTheRequestTimeout() {
        // the service answers an upload only once it is stored; the 1 s of silence other requests get is not enough
        given().contentType("multipart/form-data; boundary=x").body(new byte[1024])
                .when().post(UPLOAD + "?slow")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/assignments/9/progress?slow")
                .then().statusCode(504);
    }
}
