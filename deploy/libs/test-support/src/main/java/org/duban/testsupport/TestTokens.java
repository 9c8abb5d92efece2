package org.duban.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token issuer for service tests, shaped like the Keycloak realm {@code duban}: it publishes an
 * OpenID discovery document and its signing key on a local port, and signs RS256 access tokens
 * carrying {@code preferred_username}, {@code realm_access.roles} and {@code unit_code}. The
 * services validate these exactly as they validate Keycloak's. (The whole-system test uses the real
 * Keycloak.)
 */
public final class TestTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair keys;
    private static HttpServer server;
    private static String issuer;

    private TestTokens() {
    }

    /** The issuer URL, i.e. what {@code quarkus.oidc.auth-server-url} points at. */
    public static synchronized String issuer() {
        if (server == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/duban";
            server.createContext("/realms/duban/.well-known/openid-configuration", exchange -> answer(exchange, Map.of(
                    "issuer", issuer,
                    "jwks_uri", issuer + "/protocol/openid-connect/certs",
                    "token_endpoint", issuer + "/protocol/openid-connect/token",
                    "authorization_endpoint", issuer + "/protocol/openid-connect/auth",
                    "id_token_signing_alg_values_supported", List.of("RS256"))));
            server.createContext("/realms/duban/protocol/openid-connect/certs", exchange -> answer(exchange, Map.of(
                    "keys", List.of(jwk((RSAPublicKey) keys.getPublic())))));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
        }
        return issuer;
    }

    public static String admin() {
        return token("office", List.of("admin"), null);
    }

    public static String viewer() {
        return token("viewer", List.of("viewer"), null);
    }

    public static String integrator() {
        return token("service-account-duban-integrator", List.of("integrator"), null);
    }

    /** A user of one unit, e.g. {@code unit("gov-340100")} for 合肥市人民政府. */
    public static String unit(String unitCode) {
        return token("staff-" + unitCode, List.of("unit"), unitCode);
    }

    /** A unit's staff who may also keep the units under it (roles unit and unit-admin), e.g. Hefei's {@code hefei-admin}. */
    public static String unitAdmin(String unitCode) {
        return token("admin-" + unitCode, List.of("unit", "unit-admin"), unitCode);
    }

    /** A token with exactly these roles (and unit, if not null), valid for five minutes. */
    public static String token(String username, List<String> roles, String unitCode) {
        return sign(username, roles, unitCode, Instant.now().plusSeconds(300));
    }

    /** An office token whose signature is not the issuer's: every service must refuse it. */
    public static String forged() {
        return admin().replaceFirst("\\.[^.]+$", ".Zm9yZ2Vk");
    }

    /** A token that expired a minute ago. */
    public static String expired(String username, List<String> roles) {
        return sign(username, roles, null, Instant.now().minusSeconds(60));
    }

    /** A token that expires at {@code expires} (whole seconds, as {@code exp} counts). */
    public static String expiringAt(String username, List<String> roles, String unitCode, Instant expires) {
        return sign(username, roles, unitCode, expires);
    }

    private static String sign(String username, List<String> roles, String unitCode, Instant expires) {
        String iss = issuer();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", iss);
        claims.put("sub", "test-" + username);
        claims.put("typ", "Bearer");
        claims.put("azp", "duban-web");
        claims.put("preferred_username", username);
        claims.put("iat", expires.minusSeconds(300).getEpochSecond());
        claims.put("exp", expires.getEpochSecond());
        claims.put("realm_access", Map.of("roles", roles));
        if (unitCode != null) {
            claims.put("unit_code", unitCode);
        }
        try {
            String header = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "test-key")));
            String payload = base64(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64(signature.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk(RSAPublicKey key) {
        return Map.of("kty", "RSA", "kid", "test-key", "use", "sig", "alg", "RS256",
                "n", base64(unsigned(key.getModulus())), "e", base64(unsigned(key.getPublicExponent())));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void answer(HttpExchange exchange, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
