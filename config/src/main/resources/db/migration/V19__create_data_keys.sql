-- One data key per merchant, stored only wrapped by the master key named by master_key_id. A merchant that existed
-- before per-merchant keys has a row without a key (wrapped_key NULL): its data stays under the keys derived from
-- the master key until it is moved. No row at all means the key was destroyed: the merchant's data is unreadable.
CREATE TABLE data_keys (
    merchant_id   UUID        PRIMARY KEY REFERENCES merchants (id),
    wrapped_key   BYTEA,
    master_key_id VARCHAR(16),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO data_keys (merchant_id, wrapped_key, master_key_id, created_at)
SELECT id, NULL, NULL, CURRENT_TIMESTAMP FROM merchants;
