-- Transactional outbox: a capability writes its state change and the event that announces it in one R2DBC
-- transaction; the relay (core.OutboxRelay) publishes unpublished rows to Kafka in id order and marks them.
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    payload      JSON        NOT NULL, -- json, not jsonb: published byte for byte as appended
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);

-- the relay's hot query: unpublished rows in id order
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
-- housekeeping deletes old published rows
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
