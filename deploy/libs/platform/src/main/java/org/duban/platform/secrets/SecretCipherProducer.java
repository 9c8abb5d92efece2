package org.duban.platform.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The cipher a service injects; built on first use, so a service that stores no secrets needs no key. */
@ApplicationScoped
public class SecretCipherProducer {

    @Produces
    @ApplicationScoped
    SecretCipher cipher(SecretsConfig config) {
        if (config.keys().isEmpty()) {
            throw new IllegalStateException("No key to encrypt secrets at rest: set duban.secrets.keys.<kid> (32 random "
                    + "bytes, base64) and duban.secrets.active-key=<kid>, e.g. DUBAN_SECRETS_KEYS_V1 and "
                    + "DUBAN_SECRETS_ACTIVE_KEY=v1 from a Secret");
        }
        return new SecretCipher(config.keys(), config.activeKey().orElse(
                config.keys().size() == 1 ? config.keys().keySet().iterator().next() : null));
    }
}
