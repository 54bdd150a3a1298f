-- Hash of the one-click unsubscribe token; the token itself is derived from the order with a key.
ALTER TABLE recipients ADD COLUMN unsubscribe_token_hash BYTEA;
CREATE UNIQUE INDEX ux_recipients_unsubscribe_token_hash ON recipients (unsubscribe_token_hash);
