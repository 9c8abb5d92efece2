package org.duban.gateway.traffic;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientKeyTest {

    @Test
    void aTokenCountsByClientAndSubject() {
        assertEquals("token:duban-web/u-1", ClientKey.of(bearer("{\"azp\":\"duban-web\",\"sub\":\"u-1\"}"), "10.0.0.1"));
        assertEquals("token:duban-integrator/sa", ClientKey.of(bearer("{\"azp\":\"duban-integrator\",\"sub\":\"sa\"}"), "10.0.0.1"));
        assertEquals("token:duban-integrator/sa", ClientKey.of(bearer("{\"azp\":\"duban-integrator\",\"sub\":\"sa\"}"), "10.0.0.9"),
                "the same token again (remembered): the same key, whatever the address");
    }

    @Test
    void theSameUserOnTwoAddressesIsOneClient() {
        String token = bearer("{\"azp\":\"duban-web\",\"sub\":\"u-1\"}");
        assertEquals(ClientKey.of(token, "10.0.0.1"), ClientKey.of(token, "10.0.0.2"));
    }

    @Test
    void withoutAReadableTokenTheAddressCounts() {
        assertEquals("ip:10.0.0.1", ClientKey.of(null, "10.0.0.1"));
        assertEquals("ip:10.0.0.1", ClientKey.of("Basic dXNlcjpwYXNz", "10.0.0.1"));
        assertEquals("ip:10.0.0.1", ClientKey.of("Bearer not-a-jwt", "10.0.0.1"));
        assertEquals("ip:10.0.0.1", ClientKey.of("Bearer a.!!!.c", "10.0.0.1"));
        assertEquals("ip:10.0.0.1", ClientKey.of(bearer("[1,2]"), "10.0.0.1"));
        assertEquals("ip:10.0.0.1", ClientKey.of(bearer("{\"iss\":\"x\"}"), "10.0.0.1"));
        assertEquals("ip:10.0.0.1", ClientKey.of("Bearer " + "a".repeat(20_000) + ".b.c", "10.0.0.1"));
        assertEquals("ip:unknown", ClientKey.of(null, null));
    }

    private static String bearer(String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
