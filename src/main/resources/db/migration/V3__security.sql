-- Security: operators' API keys and drivers' accounts.

-- An operator's API key is "<key_id>.<secret>". Only the SHA-256 of the secret is stored: secrets are 256-bit
-- random values, so a fast hash is enough (no password stretching needed) and a leaked table reveals no key.
-- An operator may hold several keys; rotation = issue a new key, move the gateways, revoke the old one.
CREATE TABLE operator_api_key (
    key_id        TEXT        PRIMARY KEY,
    operator_id   TEXT        NOT NULL,
    secret_sha256 BYTEA       NOT NULL CHECK (octet_length(secret_sha256) = 32),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);

CREATE INDEX operator_api_key_operator ON operator_api_key (operator_id, created_at);

-- A driver's account. The id is a keyed hash (HMAC-SHA256) of the phone number: stable, but the phone number
-- itself is never stored.
CREATE TABLE driver_account (
    driver_id  TEXT        PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
