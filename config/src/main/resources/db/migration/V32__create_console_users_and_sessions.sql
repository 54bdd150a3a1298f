-- The merchant console's users (a merchant's staff: not customer data), their single-use set-password links, their
-- sessions (stored only as hashes of the cookie) and the failed logins that throttle guessing.
CREATE TABLE console_users (
    id            UUID          PRIMARY KEY,
    merchant_id   UUID          NOT NULL REFERENCES merchants (id),
    email         VARCHAR(254)  NOT NULL,
    password_hash VARCHAR(255),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_console_users_email UNIQUE (email)
);
CREATE INDEX ix_console_users_merchant ON console_users (merchant_id);

CREATE TABLE console_password_links (
    token_hash  BYTEA         PRIMARY KEY,
    user_id     UUID          NOT NULL REFERENCES console_users (id),
    merchant_id UUID          NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_console_password_links_merchant ON console_password_links (merchant_id);

CREATE TABLE console_sessions (
    token_hash   BYTEA        PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES console_users (id),
    merchant_id  UUID         NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_console_sessions_merchant ON console_sessions (merchant_id);

CREATE TABLE console_login_failures (
    email_hash BYTEA         NOT NULL,
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_console_login_failures ON console_login_failures (email_hash, failed_at);
