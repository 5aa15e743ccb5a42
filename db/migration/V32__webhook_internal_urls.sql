-- Whether a subscription may reach the ranges of claimwatch.webhooks.allowed-cidrs: only when an
-- ADMIN saved its URL. Every delivery resolves the host again, through the allow-list only for
-- these; any other subscription whose name comes to resolve inside (DNS rebinding) is refused at
-- connect time. Subscriptions an ADMIN token owns keep what they had.
ALTER TABLE webhook_subscriptions ADD COLUMN internal TINYINT(1) NOT NULL DEFAULT 0;

UPDATE webhook_subscriptions s JOIN api_tokens t ON t.name = s.owner AND t.role = 'ADMIN'
   SET s.internal = 1;
