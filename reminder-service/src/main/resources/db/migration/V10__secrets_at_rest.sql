-- Webhook signing secrets are stored encrypted (AES-GCM, v1:<kid>:<base64 nonce+ciphertext+tag>, see
-- org.duban.platform.secrets.SecretCipher): longer than the plaintext, so the column widens. Rows still in
-- plaintext are encrypted at startup by WebhookSecretsAtRest (idempotent), not here: the key is not SQL's.
ALTER TABLE webhook_subscription ALTER COLUMN secret TYPE VARCHAR(1000);
COMMENT ON COLUMN webhook_subscription.secret IS 'v1:<kid>:<base64>, AES-GCM under duban.secrets.keys.<kid>; never plaintext after startup';
