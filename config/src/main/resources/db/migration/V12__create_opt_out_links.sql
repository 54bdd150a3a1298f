-- What an unsubscribe link needs once the personal data behind it is purged: the merchant and the
-- keyed hash of the address, never the address, until the link can no longer sit in an inbox.
CREATE TABLE opt_out_links (
    token_hash  BYTEA PRIMARY KEY,
    merchant_id UUID  NOT NULL REFERENCES merchants (id),
    email_hash  BYTEA NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_opt_out_links_expires_at ON opt_out_links (expires_at);
-- Links already mailed: kept for the default RETENTION_MAX_PERIOD (P365D) and a year.
INSERT INTO opt_out_links (token_hash, merchant_id, email_hash, expires_at)
SELECT unsubscribe_token_hash, merchant_id, email_hash, created_at + INTERVAL '730' DAY
FROM recipients WHERE unsubscribe_token_hash IS NOT NULL;
