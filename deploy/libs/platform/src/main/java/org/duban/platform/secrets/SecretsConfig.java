package org.duban.platform.secrets;

import io.smallrye.config.ConfigMapping;

import java.util.Map;
import java.util.Optional;

/**
 * {@code duban.secrets.*}: the keys secrets at rest are encrypted with, from a Kubernetes Secret or the
 * compose env file ({@code DUBAN_SECRETS_KEYS_<KID>}, {@code DUBAN_SECRETS_ACTIVE_KEY}), never from a
 * committed file outside the dev and test profiles.
 */
@ConfigMapping(prefix = "duban.secrets")
public interface SecretsConfig {

    /** Key id → 32 random bytes, base64 ({@code openssl rand -base64 32}). Keep old keys until re-encryption ran. */
    Map<String, String> keys();

    /** The key id new values are encrypted with. */
    Optional<String> activeKey();
}
