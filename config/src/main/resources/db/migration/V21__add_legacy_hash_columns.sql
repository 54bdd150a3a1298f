-- Moving a merchant from the master-key scheme to a data key of its own: its address-hash key of the old scheme is
-- kept wrapped (opt-outs and bounces hold only hashes, which cannot be re-keyed without the address); a recipient
-- re-keyed by the move keeps its old hash beside the new one; migrated_at says every row of the merchant moved.
ALTER TABLE data_keys ADD COLUMN legacy_hash_key BYTEA;
ALTER TABLE data_keys ADD COLUMN migrated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recipients ADD COLUMN legacy_email_hash BYTEA;
