-- A merchant's webhook endpoints (outbound, Standard Webhooks). events is the subscribed event names between commas
-- (",review.created,invitation.sent,"), so one POSITION finds the endpoints of an event. The signing secret is sealed
-- with the merchant's data key; it is shown once, at creation.
CREATE TABLE webhooks (
    id              VARCHAR(32)   PRIMARY KEY,
    merchant_id     UUID          NOT NULL REFERENCES merchants (id),
    url             VARCHAR(2048) NOT NULL,
    events          VARCHAR(256)  NOT NULL,
    secret_sealed   BYTEA         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INT,
    last_attempt_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_webhooks_merchant ON webhooks (merchant_id);
