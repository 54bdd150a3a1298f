-- Which master key this database was written with (a one-way fingerprint, never the key): a start
-- with another key, or with a lost key file, stops instead of silently sealing new data under a new key.
CREATE TABLE pii_key_fingerprints (
    purpose     VARCHAR(32) PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
