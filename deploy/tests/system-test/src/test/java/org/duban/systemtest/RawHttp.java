package org.duban.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request line and the body go out
 * byte for byte as given, which no HTTP client library allows (a malformed percent escape, a raw byte
 * over 0x7F in the target, a body in a broken encoding under any Content-Type). The body is written by
 * a second thread while this one reads, so that an answer sent before the body was read (413) is seen
 * even when the server then closes the connection.
 */
final class RawHttp {

    /** What came back; {@code status} -1 when the connection closed (or timed out) without a whole answer. */
    record Answer(int status, Map<String, String> headers, byte[] body, String failure) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code method target} (the request-target exactly as given, ASCII or not) with the headers and,
     * when not null, the body with its Content-Length.
     */
    static Answer send(URI server, String method, byte[] target, Map<String, String> headers, byte[] body, int timeoutMillis) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(target);
            StringBuilder lines = new StringBuilder(" HTTP/1.1\r\n")
                    .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                lines.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.writeBytes(lines.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            out.flush();
            Thread writer = null;
            if (body != null && body.length > 0) {
                writer = Thread.ofVirtual().start(() -> {
                    try {
                        out.write(body);
                        out.flush();
                    } catch (IOException ignored) {
                        // the server answered and closed before taking all of it: the answer tells
                    }
                });
            }
            Answer answer = read(socket.getInputStream());
            if (writer != null) {
                writer.join(timeoutMillis);
            }
            return answer;
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, Map.of(), new byte[0], e.toString());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            return new Answer(-1, Map.of(), new byte[0], "closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            int length = Integer.parseInt(headers.get("content-length"));
            body = in.readNBytes(length);
            if (body.length < length) {
                return new Answer(-1, headers, body, "answer " + status + " cut short: " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body, null);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = line(in); size != null; size = line(in)) {
            int length = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (length == 0) {
                while (true) { // trailers, up to the empty line
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            body.writeBytes(in.readNBytes(length));
            line(in);
        }
        throw new IOException("chunked answer cut short");
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b == -1) {
            return null;
        }
        for (; b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
