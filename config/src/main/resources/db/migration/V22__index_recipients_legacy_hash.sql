-- Look-ups by an address's old hash (an opt-out recorded before its merchant moved to a data key).
CREATE INDEX ix_recipients_merchant_legacy_hash ON recipients (merchant_id, legacy_email_hash);
