-- Analytics (#7): occupancy history as time-weighted buckets, session facts, forecasts.
--
-- Occupancy: every applied place state (Kafka citypark.availability.v1) closes the interval of the place's previous
-- state, which is spread over 5-minute buckets as space-seconds: known (capacity - unknown, while fresh), occupied
-- (while fresh) and unknown (unknown spaces while fresh, every space once the state is older than the stale time).
-- occupancy rate = occupied_ss / known_ss; stale share = unknown_ss / (known_ss + unknown_ss). The same increments
-- are added to the daily and monthly roll-ups (days and months in Asia/Shanghai) in the same transaction.

-- The latest state of each place and how far it has been added to the buckets (the idempotency guard: a state
-- observed no later than observed_at is a redelivery or older and changes nothing).
CREATE TABLE analytics_place (
    place_id      text        PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('LOT', 'SEGMENT')),
    operator_id   text        NOT NULL,
    district_code text        NOT NULL,
    observed_at   timestamptz NOT NULL,
    integrated_to timestamptz NOT NULL,
    received_at   timestamptz NOT NULL,
    stale         boolean     NOT NULL,
    categories    text[]      NOT NULL,
    capacity      integer[]   NOT NULL,
    occupied      integer[]   NOT NULL,
    unknown       integer[]   NOT NULL
);

CREATE TABLE analytics_occupancy_5m (
    bucket_start  timestamptz      NOT NULL,
    place_id      text             NOT NULL,
    category      text             NOT NULL,
    kind          text             NOT NULL,
    operator_id   text             NOT NULL,
    district_code text             NOT NULL,
    capacity      integer          NOT NULL CHECK (capacity >= 0),
    known_ss      double precision NOT NULL CHECK (known_ss >= 0),
    occupied_ss   double precision NOT NULL CHECK (occupied_ss >= 0),
    unknown_ss    double precision NOT NULL CHECK (unknown_ss >= 0),
    max_occupied  integer          NOT NULL,
    samples       integer          NOT NULL,
    PRIMARY KEY (place_id, category, bucket_start)
) PARTITION BY RANGE (bucket_start);

CREATE INDEX analytics_occupancy_5m_district ON analytics_occupancy_5m (district_code, bucket_start);

-- Monthly partitions (months in UTC) from 2025 to 2028, plus a default one for anything outside; AnalyticsPartitions
-- creates next months' partitions at startup and daily, so the default stays empty in normal operation.
CREATE TABLE analytics_occupancy_5m_default PARTITION OF analytics_occupancy_5m DEFAULT;

CREATE FUNCTION analytics_ensure_month_partition(month_start date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    name text := 'analytics_occupancy_5m_' || to_char(month_start, 'YYYYMM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF analytics_occupancy_5m FOR VALUES FROM (%L) TO (%L)', name,
                       (month_start::timestamp AT TIME ZONE 'UTC'),
                       ((month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
    END IF;
END
$$;

SELECT analytics_ensure_month_partition(d::date)
FROM generate_series(date '2025-01-01', date '2028-12-01', interval '1 month') AS d;

CREATE TABLE analytics_occupancy_daily (
    day           date             NOT NULL,
    place_id      text             NOT NULL,
    category      text             NOT NULL,
    kind          text             NOT NULL,
    operator_id   text             NOT NULL,
    district_code text             NOT NULL,
    capacity      integer          NOT NULL,
    known_ss      double precision NOT NULL,
    occupied_ss   double precision NOT NULL,
    unknown_ss    double precision NOT NULL,
    max_occupied  integer          NOT NULL,
    samples       integer          NOT NULL,
    PRIMARY KEY (place_id, category, day)
);

CREATE INDEX analytics_occupancy_daily_day ON analytics_occupancy_daily (day, district_code);

CREATE TABLE analytics_occupancy_monthly (
    month         date             NOT NULL,
    place_id      text             NOT NULL,
    category      text             NOT NULL,
    kind          text             NOT NULL,
    operator_id   text             NOT NULL,
    district_code text             NOT NULL,
    capacity      integer          NOT NULL,
    known_ss      double precision NOT NULL,
    occupied_ss   double precision NOT NULL,
    unknown_ss    double precision NOT NULL,
    max_occupied  integer          NOT NULL,
    samples       integer          NOT NULL,
    PRIMARY KEY (place_id, category, month)
);

CREATE INDEX analytics_occupancy_monthly_month ON analytics_occupancy_monthly (month, district_code);

-- Session facts (Kafka citypark.sessions.v1), one row per session; no plate, only its keyed hash (HMAC-SHA256).
CREATE TABLE analytics_session (
    session_id       uuid        PRIMARY KEY,
    place_kind       text        NOT NULL,
    place_id         text        NOT NULL,
    operator_id      text        NOT NULL,
    district_code    text        NOT NULL,
    category         text        NOT NULL,
    plate_hash       text        NOT NULL,
    entry_at         timestamptz,
    exit_at          timestamptz,
    duration_seconds bigint      CHECK (duration_seconds >= 0),
    fee_fen          bigint      CHECK (fee_fen >= 0),
    paid_fen         bigint      CHECK (paid_fen >= 0),
    settlement       text,
    last_event       text        NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE INDEX analytics_session_place_entry ON analytics_session (place_id, entry_at);
CREATE INDEX analytics_session_district_entry ON analytics_session (district_code, entry_at);
CREATE INDEX analytics_session_exit ON analytics_session (exit_at);

-- Session events already applied (at-least-once delivery: de-duplicated by event id).
CREATE TABLE analytics_session_event (
    event_id    uuid        PRIMARY KEY,
    received_at timestamptz NOT NULL
);

CREATE INDEX analytics_session_event_received ON analytics_session_event (received_at);

-- Forecasts: one row per lot, forecast time and target time (15-minute steps, 2 hours ahead).
CREATE TABLE analytics_forecast (
    lot_id         text             NOT NULL,
    made_at        timestamptz      NOT NULL,
    target_at      timestamptz      NOT NULL,
    predicted_rate double precision NOT NULL CHECK (predicted_rate BETWEEN 0 AND 1),
    capacity       integer          NOT NULL,
    PRIMARY KEY (lot_id, made_at, target_at)
);

CREATE INDEX analytics_forecast_target ON analytics_forecast (target_at);

-- Per-operator ingest counters sampled every few minutes, so data quality can report a window, not totals.
CREATE TABLE analytics_operator_counters (
    operator_id text        NOT NULL,
    sampled_at  timestamptz NOT NULL,
    counters    jsonb       NOT NULL,
    PRIMARY KEY (operator_id, sampled_at)
);
