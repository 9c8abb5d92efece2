package org.duban.task.evidence;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Multipart bodies as browsers send them (a UTF-8 file name as it is), and streamed ones of any size. */
final class Uploads {

    static final String BOUNDARY = "----DubanEvidenceBoundary7MA4YWxkTrZu0gW";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private Uploads() {
    }

    static ValidatableResponse upload(String token, long assignmentId, String fileName, byte[] content) {
        return given().auth().oauth2(token).contentType(MULTIPART).body(form(fileName, content))
                .when().post("/api/assignments/" + assignmentId + "/attachments").then();
    }

    static long uploaded(String token, long assignmentId, String fileName, byte[] content) {
        return upload(token, assignmentId, fileName, content).statusCode(201).extract().jsonPath().getLong("id");
    }

    static byte[] form(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head(fileName));
        out.writeBytes(content);
        out.writeBytes(tail());
        return out.toByteArray();
    }

    static byte[] head(String fileName) {
        return ("--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"note\"\r\n\r\n随附材料\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] tail() {
        return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A pdf of exactly {@code size} bytes: the header, then zeros. */
    static InputStream pdfOf(long size) {
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        return new SequenceInputStream(new ByteArrayInputStream(header), new Zeros(size - header.length));
    }

    /** A form with a pdf of {@code size} bytes, made as it is read. */
    static InputStream formStream(String fileName, long size) {
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head(fileName)), pdfOf(size), new ByteArrayInputStream(tail()))));
    }

    /** Sends a form with a file of {@code size} bytes, chunked (no length: the service has to count). */
    static HttpResponse<String> streamChunked(String token, long assignmentId, long size) throws IOException, InterruptedException {
        InputStream body = formStream("大文件.pdf", size);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/assignments/" + assignmentId + "/attachments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Declares a body of {@code length} bytes, sends a little of it, and answers the response's head and body as text. */
    static String declaringLength(String token, long assignmentId, long length) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/assignments/" + assignmentId + "/attachments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: " + MULTIPART + "\r\n"
                    + "Content-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(head("大文件.pdf"));
            socket.getOutputStream().flush();
            // the answer may come while the connection stays open: read its head, then as many bytes as it declares
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head2 = new ByteArrayOutputStream();
            while (!head2.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head2.write(b);
            }
            String answer = head2.toString(StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher length2 = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
            byte[] body = length2.find() ? in.readNBytes(Integer.parseInt(length2.group(1))) : new byte[0];
            return answer + new String(body, StandardCharsets.UTF_8);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code remaining} zero bytes, made as they are read. */
    static final class Zeros extends InputStream {
        private long remaining;

        Zeros(long remaining) {
            this.remaining = remaining;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
