-- Webhook secrets are stored sealed (AES-GCM under a key from configuration,
-- claimwatch.webhooks.secret-keys): "enc:v1:<key id>:<base64 of nonce and ciphertext>", longer
-- than the secrets themselves. A secret stored before keys were configured stays readable as it
-- is and is sealed at the next start with a key.
ALTER TABLE webhook_subscriptions
  MODIFY secret          VARCHAR(255) NOT NULL,
  MODIFY previous_secret VARCHAR(255) NULL;
