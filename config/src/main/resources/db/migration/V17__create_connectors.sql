-- A shop's own order webhooks: one connector per merchant and platform. The id is the unguessable part of the
-- webhook URL; the shop's signing secret is sealed (AES-GCM), never stored or shown in clear.
CREATE TABLE connectors (
    id               VARCHAR(32)  PRIMARY KEY,
    merchant_id      UUID         NOT NULL REFERENCES merchants (id),
    platform         VARCHAR(16)  NOT NULL,
    secret_sealed    BYTEA        NOT NULL,
    delivery         VARCHAR(16)  NOT NULL,
    trigger_status   VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_received_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_connectors_merchant_platform UNIQUE (merchant_id, platform)
);
