package org.duban.platform.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Secrets at rest (webhook and robot signing secrets): AES-256-GCM with a random 96-bit nonce, stored
 * as {@code v1:<kid>:<base64(nonce ‖ ciphertext ‖ tag)>}. The key id travels with each value, so keys
 * rotate: new values use the active key, values under an older key still decrypt while that key is
 * configured, and {@link #needsReEncryption} tells which rows to rewrite. The header
 * ({@code v1:<kid>}) is authenticated too, so a value cannot be moved under another key id. Plain
 * Java; {@link SecretCipherProducer} builds it from {@code duban.secrets.*}.
 *
 * <p>Neither plaintexts nor keys appear in any message or {@code toString}.
 */
public final class SecretCipher {

    public static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKid;

    /**
     * @param keys      key id → 32 random bytes, base64
     * @param activeKid the key new values are encrypted with
     */
    public SecretCipher(Map<String, String> keys, String activeKid) {
        Map<String, SecretKeySpec> parsed = new LinkedHashMap<>();
        keys.forEach((kid, base64) -> {
            if (!KID.matcher(kid).matches()) {
                throw new IllegalArgumentException("duban.secrets.keys: a key id is 1-32 letters, digits, '_' or '-': " + kid);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("duban.secrets.keys." + kid + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("duban.secrets.keys." + kid + " must be 32 random bytes (base64 of 44 "
                        + "characters, e.g. from `openssl rand -base64 32`); it has " + key.length);
            }
            parsed.put(kid, new SecretKeySpec(key, "AES"));
        });
        if (activeKid == null || !parsed.containsKey(activeKid)) {
            throw new IllegalArgumentException("duban.secrets.active-key must name one of duban.secrets.keys.<kid> "
                    + parsed.keySet() + "; got " + activeKid);
        }
        this.keys = Map.copyOf(parsed);
        this.activeKid = activeKid;
    }

    public String activeKid() {
        return activeKid;
    }

    /** Whether {@code stored} is a value this class wrote (else: plaintext from before encryption). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(VERSION + ":") && stored.indexOf(':', VERSION.length() + 1) > 0;
    }

    /** Plaintext, or encrypted under a key other than the active one: to be rewritten. */
    public boolean needsReEncryption(String stored) {
        return !isEncrypted(stored) || !kidOf(stored).equals(activeKid);
    }

    public String encrypt(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        String header = VERSION + ":" + activeKid;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKid), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return header + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of a stored value.
     *
     * @throws SecretUnreadable when the value is not ours, names a key that is not configured, or was altered
     */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new SecretUnreadable("the stored secret is not encrypted (v1:<kid>:…)");
        }
        String kid = kidOf(stored);
        SecretKeySpec key = keys.get(kid);
        if (key == null) {
            throw new SecretUnreadable("the stored secret is encrypted under key " + kid
                    + ", which is not configured (duban.secrets.keys." + kid + ")");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(VERSION.length() + kid.length() + 2));
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadable("the stored secret is damaged (not base64)");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadable("the stored secret is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD((VERSION + ":" + kid).getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadable("the stored secret was altered or belongs to another key (authentication failed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext of a stored value that may still be plaintext (rows from before encryption). */
    public String reveal(String stored) {
        return isEncrypted(stored) ? decrypt(stored) : stored;
    }

    private static String kidOf(String stored) {
        return stored.substring(VERSION.length() + 1, stored.indexOf(':', VERSION.length() + 1));
    }

    @Override
    public String toString() {
        return "SecretCipher[active=" + activeKid + ", keys=" + keys.keySet() + "]";
    }

    /** A stored secret that cannot be decrypted; the message never contains the value. */
    public static final class SecretUnreadable extends RuntimeException {
        public SecretUnreadable(String message) {
            super(message, null, false, false);
        }
    }
}
