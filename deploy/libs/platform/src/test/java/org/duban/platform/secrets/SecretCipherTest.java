package org.duban.platform.secrets;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.duban.platform.secrets.SecretCipher.SecretUnreadable;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretCipherTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void encryptsWithTheKeyIdAndAFreshNonceAndDecryptsBack() {
        SecretCipher cipher = new SecretCipher(Map.of("k1", K1), "k1");
        String a = cipher.encrypt(SECRET);
        String b = cipher.encrypt(SECRET);
        assertTrue(a.startsWith("v1:k1:"), a);
        assertNotEquals(a, b, "a random nonce each time");
        assertFalse(a.contains("MfKQ9r8G"));
        assertEquals(SECRET, cipher.decrypt(a));
        assertEquals(SECRET, cipher.reveal(b));
        assertEquals(SECRET, cipher.reveal(SECRET), "a plaintext row from before encryption still reads");
        assertFalse(cipher.toString().contains(K1));
    }

    @Test
    void oldKeysStillDecryptAfterRotationAndTheirValuesAreMarkedForReEncryption() {
        SecretCipher before = new SecretCipher(Map.of("k1", K1), "k1");
        String old = before.encrypt(SECRET);
        SecretCipher after = new SecretCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertEquals(SECRET, after.decrypt(old));
        assertTrue(after.needsReEncryption(old));
        assertTrue(after.needsReEncryption(SECRET));
        String rewritten = after.encrypt(after.decrypt(old));
        assertTrue(rewritten.startsWith("v1:k2:"));
        assertFalse(after.needsReEncryption(rewritten));

        SecretCipher withoutOldKey = new SecretCipher(Map.of("k2", K2), "k2");
        SecretUnreadable missing = assertThrows(SecretUnreadable.class, () -> withoutOldKey.decrypt(old));
        assertTrue(missing.getMessage().contains("duban.secrets.keys.k1"));
    }

    @Test
    void aTamperedValueOrAKeyIdSwapIsRefusedWithoutShowingTheValue() {
        SecretCipher cipher = new SecretCipher(Map.of("k1", K1, "k2", K1), "k1");
        String stored = cipher.encrypt(SECRET);
        byte[] raw = Base64.getDecoder().decode(stored.substring("v1:k1:".length()));
        raw[raw.length - 20] ^= 1;
        String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(raw);
        SecretUnreadable refused = assertThrows(SecretUnreadable.class, () -> cipher.decrypt(tampered));
        assertTrue(refused.getMessage().contains("altered"));
        assertFalse(refused.getMessage().contains(stored.substring(6)));
        // the same key under another id: the header is authenticated, so the value does not move
        assertThrows(SecretUnreadable.class, () -> cipher.decrypt(stored.replace("v1:k1:", "v1:k2:")));
        assertThrows(SecretUnreadable.class, () -> cipher.decrypt("v1:k1:@@@"));
        assertThrows(SecretUnreadable.class, () -> cipher.decrypt("v1:k1:AAAA"));
    }

    @Test
    void badKeysAreTurnedAwayAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(Map.of("k1", "c2hvcnQ="), "k1"));
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(Map.of("k1", K1), "k9"));
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(Map.of("bad:id", K1), "bad:id"));
    }

    @Test
    void keysComeFromEnvironmentVariablesAsASecretProvidesThem() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("DUBAN_SECRETS_KEYS_V1", K1, "DUBAN_SECRETS_KEYS_V2", K2,
                        "DUBAN_SECRETS_ACTIVE_KEY", "v2"), 300))
                .withMapping(SecretsConfig.class)
                .build();
        SecretsConfig secrets = config.getConfigMapping(SecretsConfig.class);
        assertEquals(Map.of("v1", K1, "v2", K2), secrets.keys());
        assertEquals("v2", secrets.activeKey().orElseThrow());
    }
}
