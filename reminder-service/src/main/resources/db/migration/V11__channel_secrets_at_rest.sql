-- A channel's robot URL (its key/access_token/hook is as good as a password) and its signing secret are
-- stored encrypted like webhook secrets (V10: v1:<kid>:<base64 nonce+ciphertext+tag>, SecretCipher), so
-- both columns widen: 2000 characters of URL (up to 3 bytes each in UTF-8) and 200 of secret, sealed.
-- Rows still in plaintext are encrypted at startup by ChannelSecretsAtRest (idempotent), not here: the
-- key is not SQL's. SMS numbers and e-mail addresses stay as they are.
ALTER TABLE channel ALTER COLUMN target TYPE VARCHAR(10000);
ALTER TABLE channel ALTER COLUMN secret TYPE VARCHAR(1000);
COMMENT ON COLUMN channel.target IS 'robots: v1:<kid>:<base64>, AES-GCM under duban.secrets.keys.<kid>; SMS and e-mail: as given';
COMMENT ON COLUMN channel.secret IS 'v1:<kid>:<base64>, AES-GCM under duban.secrets.keys.<kid>; never plaintext after startup';
