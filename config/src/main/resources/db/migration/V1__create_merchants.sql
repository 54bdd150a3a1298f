-- Settings live with the merchant; durations are stored in seconds.
CREATE TABLE merchants (
    id                          UUID PRIMARY KEY,
    name                        VARCHAR(200) NOT NULL,
    api_key_prefix              VARCHAR(32)  NOT NULL,
    api_key_hash                BYTEA        NOT NULL,
    shop_name                   VARCHAR(200) NOT NULL,
    sender_name                 VARCHAR(200) NOT NULL,
    reply_to                    VARCHAR(254),
    default_locale              VARCHAR(35)  NOT NULL,
    invite_delay_seconds        BIGINT       NOT NULL,
    reminder_delay_seconds      BIGINT,
    invitation_cooldown_seconds BIGINT,
    retention_seconds           BIGINT       NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_merchants_api_key_prefix UNIQUE (api_key_prefix)
);
