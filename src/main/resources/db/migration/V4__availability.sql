-- Snapshots of live availability (Redis), written every minute by one instance, so an empty Redis can be rebuilt:
-- restore the latest snapshot, then replay Kafka from the offsets it records (events are applied idempotently, so
-- replaying events the snapshot already contains changes nothing).
CREATE TABLE availability_snapshot (
    id             bigserial PRIMARY KEY,
    taken_at       timestamptz NOT NULL,
    consumer_group text        NOT NULL,
    -- committed offsets of the consumer group when the snapshot began: {"topic": {"partition": offset}}; every
    -- event before them is in the snapshot
    offsets        jsonb       NOT NULL,
    places         integer     NOT NULL CHECK (places >= 0),
    bytes          integer     NOT NULL CHECK (bytes >= 0),
    -- gzip of UTF-8 lines "<place token>\t<JSON dump of the place's hash and recent flows>"
    state          bytea       NOT NULL
);

CREATE INDEX availability_snapshot_taken_at ON availability_snapshot (taken_at DESC);
