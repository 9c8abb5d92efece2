package org.duban.reminder.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signing secrets in the Standard Webhooks form {@code whsec_<base64>}: the part after the prefix is
 * the HMAC key, 24 to 64 random bytes.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    static final int GENERATED_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    /** A fresh secret of 32 random bytes. */
    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * Why {@code secret} is not a usable Standard Webhooks secret, in words for the client; null when
     * it is.
     */
    public static String problem(String secret) {
        if (secret.isBlank()) {
            return "must not be empty; leave secret out to have one generated";
        }
        if (!secret.startsWith(PREFIX)) {
            return "must be in the Standard Webhooks form whsec_<base64 of 24 to 64 random bytes>, starting with "
                    + "the prefix whsec_ (the key is the base64 after it); if you generated a base64 key yourself, "
                    + "put whsec_ in front of it, or leave secret out to have one generated";
        }
        byte[] key;
        try {
            key = key(secret);
        } catch (IllegalArgumentException e) {
            return "the part after whsec_ must be standard base64 (A-Z, a-z, 0-9, +, /, optional = padding)";
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            return "the key after whsec_ must decode to 24 to 64 bytes; it has " + key.length;
        }
        return null;
    }

    /** The HMAC key: the base64-decoded part after {@code whsec_}. */
    public static byte[] key(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    /** What the API shows after creation: the prefix and the last four characters, enough to tell secrets apart. */
    public static String mask(String secret) {
        String tail = secret.length() > PREFIX.length() + 8 ? secret.substring(secret.length() - 4) : "";
        return PREFIX + "********" + tail;
    }
}
