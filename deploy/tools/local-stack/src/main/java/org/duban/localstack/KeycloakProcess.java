package org.duban.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Keycloak server (the {@code keycloak-quarkus-dist} that {@code ./duban up} runs), started
 * from an unpacked distribution on free ports — HTTP and the management interface, where
 * {@code /health/ready} answers — in development mode with a realm imported from its JSON export.
 * For tests its data (an H2 database inside the distribution) is wiped before each start, so the realm
 * is always imported afresh. Tokens come from its token endpoint, as any client gets them.
 */
public final class KeycloakProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakProcess(ChildProcess process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Launches Keycloak without waiting for it, on free ports, with its data wiped first (so the realm is
     * imported afresh); {@link #awaitReady()} waits.
     *
     * @param home  the unpacked distribution (the folder with {@code bin/kc.sh})
     * @param realm the realm export to import, e.g. {@code deploy/keycloak/duban-realm.json}
     * @param log   where its console output goes
     */
    public static KeycloakProcess launch(Path home, Path realm, Path log) {
        int port = ChildProcess.freePort();
        int management = ChildProcess.freePort();
        try {
            deleteTree(home.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess process = builder(home, realm, "127.0.0.1", port, management)
                // the client compiler only: a quicker start on few cores, and a test asks Keycloak for a handful of tokens
                .environment(Map.of("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1"))
                .log(log)
                // the first start of a fresh distribution runs Keycloak's build step; on 2 busy cores that is slow
                .startTimeout(Duration.ofSeconds(300))
                .build()
                .launch();
        return new KeycloakProcess(process, "http://127.0.0.1:" + port);
    }

    /**
     * Keycloak as both the tests and {@code ./duban up} run it: {@code start-dev} (an H2 database inside the
     * distribution), the realm copied into {@code data/import} and imported when it does not exist yet, the
     * development admin {@code admin}/{@code admin}, health on the management port, where readiness is asked.
     *
     * @param host the address to listen on, or null for all (the local stack's Keycloak is reached as localhost)
     */
    public static ChildProcess.Builder builder(Path home, Path realm, String host, int port, int management) {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kc)) {
            throw new IllegalStateException(kc + " is missing: unpack org.keycloak:keycloak-quarkus-dist:tar.gz into " + home);
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // kc.sh is a bash script; an unpack that lost the execute bit (Maven's) still runs it through bash
        List<String> command = new java.util.ArrayList<>(Files.isExecutable(kc) ? List.of(kc.toString()) : List.of("bash", kc.toString()));
        command.add("start-dev");
        if (host != null) {
            command.add("--http-host=" + host);
        }
        command.addAll(List.of("--http-port=" + port, "--http-management-port=" + management, "--import-realm", "--health-enabled=true"));
        return ChildProcess.builder("keycloak")
                .command(command)
                .environment(env)
                .workDir(home)
                .readiness(ChildProcess.Readiness.http("http://127.0.0.1:" + management + "/health/ready"));
    }

    public KeycloakProcess awaitReady() {
        process.awaitReady();
        return this;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    /** What services set as {@code quarkus.oidc.auth-server-url}: tokens asked for at {@link #url()} carry it as issuer. */
    public String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    public ChildProcess process() {
        return process;
    }

    /** An access token for a user (password grant; the client must allow direct access grants). */
    public Token password(String realm, String clientId, String username, String password) {
        return token(realm, Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password));
    }

    /** An access token for a confidential client's service account (client-credentials grant). */
    public Token clientCredentials(String realm, String clientId, String secret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** An access token and when it stops being valid. */
    public record Token(String accessToken, java.time.Instant expiresAt) {
    }

    private Token token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            java.time.Instant asked = java.time.Instant.now();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + form.get("grant_type") + " for "
                        + form.getOrDefault("username", form.get("client_id")) + "): HTTP " + answer.statusCode() + " " + answer.body());
            }
            JsonNode json = JSON.readTree(answer.body());
            return new Token(json.get("access_token").asText(), asked.plusSeconds(json.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Keycloak at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
