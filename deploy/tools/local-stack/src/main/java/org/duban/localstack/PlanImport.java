package org.duban.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./duban import <file>}: a plan document (.txt, .docx, .xlsx) imported as the office
 * ({@code DUBAN_USER}/{@code DUBAN_PASSWORD}, default office/office) through the gateway, with a token
 * from Keycloak's password grant; the answer printed, or the problem detail (RFC 9457) of a refusal.
 */
final class PlanImport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PlanImport(Stack stack) {
        this.stack = stack;
    }

    /** The media type of a plan document, by its name; a {@link LauncherException} for any other. */
    static String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        if (name.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (name.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        throw new LauncherException("unsupported file type: " + file + " (use .txt, .docx or .xlsx)");
    }

    void run(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new LauncherException("no such readable file: " + file);
        }
        String type = mediaType(file);
        String token = token();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LauncherException("cannot read " + file + ": " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/plans/import"))
                .timeout(Duration.ofSeconds(300))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (type.startsWith("text/")) {
            request.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(content));
        } else {
            String boundary = "duban-" + UUID.randomUUID();
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, file.getFileName().toString(), type, content)));
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LauncherException("cannot reach the gateway at " + stack.gatewayUrl() + " — is the stack up? (./duban up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
        if (answer.statusCode() / 100 == 2) {
            stack.out.println(pretty(answer.body()));
        } else {
            String detail = problemDetail(answer.body());
            throw new LauncherException("import failed with HTTP " + answer.statusCode() + ": " + (detail.isBlank() ? "no detail" : detail));
        }
    }

    private String token() {
        String user = stack.env.getOrDefault("DUBAN_USER", "office");
        String password = stack.env.getOrDefault("DUBAN_PASSWORD", "office");
        String form = "grant_type=password&client_id=duban-web&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/duban/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LauncherException("cannot reach Keycloak at " + stack.keycloakUrl() + " — is the stack up? (./duban up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
        String token = null;
        try {
            JsonNode json = JSON.readTree(answer.body());
            token = json.path("access_token").asText(null);
        } catch (IOException e) {
            // not JSON: reported below
        }
        if (answer.statusCode() != 200 || token == null || token.isBlank()) {
            String body = answer.body();
            throw new LauncherException("no token for " + user + " from Keycloak (HTTP " + answer.statusCode() + "): "
                    + body.substring(0, Math.min(300, body.length())));
        }
        return token;
    }

    static byte[] multipart(String boundary, String filename, String type, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename.replace("\"", "%22") + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The answer indented, or as it came when it is not JSON. */
    static String pretty(String body) {
        try {
            return JSON.writeValueAsString(JSON.readTree(body));
        } catch (IOException e) {
            return body;
        }
    }

    /** The problem detail (RFC 9457) of an error answer — detail, else title — with validation errors when there are any. */
    static String problemDetail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem == null || !problem.isObject()) {
                return body.substring(0, Math.min(500, body.length()));
            }
            StringBuilder message = new StringBuilder(problem.path("detail").asText(problem.path("title").asText("")));
            for (JsonNode error : problem.path("errors")) {
                message.append("\n  ").append(error.path("field").asText()).append(": ").append(error.path("message").asText());
            }
            return message.toString();
        } catch (IOException e) {
            return body.substring(0, Math.min(500, body.length()));
        }
    }
}
