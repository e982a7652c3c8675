-- The city registry: every operator, district, off-street lot, on-street segment, individually known bay and
-- guidance screen. Each lot/segment/district/screen keeps its canonical GeoJSON Feature (the API's own format) plus
-- the columns that are queried or constrained; bays get a row each so their ids are unique city-wide.
CREATE TABLE operator (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
);

CREATE TABLE district (
    code        TEXT PRIMARY KEY,
    name        TEXT    NOT NULL,
    name_en     TEXT    NOT NULL,
    approximate BOOLEAN NOT NULL,
    feature     JSON    NOT NULL
);

CREATE TABLE lot (
    id             TEXT PRIMARY KEY,
    operator_id    TEXT             NOT NULL REFERENCES operator (id),
    district_code  TEXT             NOT NULL REFERENCES district (code),
    lon            DOUBLE PRECISION NOT NULL,
    lat            DOUBLE PRECISION NOT NULL,
    capacity_total INTEGER          NOT NULL CHECK (capacity_total >= 0),
    feature        JSON             NOT NULL,
    indoor         JSON,
    version        BIGINT           NOT NULL,
    updated_at     TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX lot_operator ON lot (operator_id);
CREATE INDEX lot_district ON lot (district_code);

CREATE TABLE segment (
    id            TEXT PRIMARY KEY,
    operator_id   TEXT        NOT NULL REFERENCES operator (id),
    district_code TEXT        NOT NULL REFERENCES district (code),
    bay_count     INTEGER     NOT NULL CHECK (bay_count >= 0),
    feature       JSON        NOT NULL,
    version       BIGINT      NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX segment_operator ON segment (operator_id);
CREATE INDEX segment_district ON segment (district_code);

-- every individually addressable space, on-street or inside an indoor garage: the id is unique city-wide
CREATE TABLE bay (
    id         TEXT PRIMARY KEY,
    lot_id     TEXT REFERENCES lot (id) ON DELETE CASCADE,
    segment_id TEXT REFERENCES segment (id) ON DELETE CASCADE,
    category   TEXT             NOT NULL,
    floor      INTEGER          NOT NULL,
    zone_id    TEXT,
    lon        DOUBLE PRECISION NOT NULL,
    lat        DOUBLE PRECISION NOT NULL,
    CHECK ((lot_id IS NULL) <> (segment_id IS NULL))
);
CREATE INDEX bay_lot ON bay (lot_id) WHERE lot_id IS NOT NULL;
CREATE INDEX bay_segment ON bay (segment_id) WHERE segment_id IS NOT NULL;

CREATE TABLE guidance_screen (
    id      TEXT PRIMARY KEY,
    feature JSON NOT NULL
);

-- which geo-data release was imported, so a second start finds it and skips
CREATE TABLE geo_data_import (
    id              SERIAL PRIMARY KEY,
    seed            BIGINT      NOT NULL,
    total_spaces    BIGINT      NOT NULL,
    manifest_sha256 TEXT        NOT NULL,
    imported_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    duration_ms     BIGINT      NOT NULL
);
