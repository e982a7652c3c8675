-- Parking sessions, their bills and payments, anomalies, and drivers' vehicle and autopay bindings.
-- One city-wide ledger across all operators. Every session transition writes its row(s) and an outbox row in one
-- transaction (see dev.citypark.session.SessionLedger).

CREATE TABLE parking_session (
    id                  UUID        PRIMARY KEY,
    status              TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED', 'UNPAID', 'SETTLED', 'WRITTEN_OFF')),
    place_kind          TEXT        NOT NULL CHECK (place_kind IN ('LOT', 'SEGMENT')),
    place_id            TEXT        NOT NULL,
    operator_id         TEXT        NOT NULL,
    district_code       TEXT        NOT NULL,
    tariff_id           TEXT        NOT NULL,
    plate               TEXT        NOT NULL,
    plate_colour        TEXT        NOT NULL,
    category            TEXT        NOT NULL,
    entry_gate_id       TEXT,
    bay_id              TEXT,
    entry_at            TIMESTAMPTZ NOT NULL,
    entry_confidence    DOUBLE PRECISION NOT NULL,
    entry_image_ref     TEXT,
    exit_gate_id        TEXT,
    exit_at             TIMESTAMPTZ,
    fee_fen             BIGINT      CHECK (fee_fen >= 0),
    tariff_version      DATE,
    breakdown           JSON,
    awaiting            TEXT        CHECK (awaiting IN ('AUTOPAY', 'PAY_NOW')),
    settlement          TEXT        CHECK (settlement IN ('AUTOPAY', 'DEFERRED', 'PAY_NOW')),
    paid_fen            BIGINT      CHECK (paid_fen >= 0),
    deferred_at         TIMESTAMPTZ,
    settled_at          TIMESTAMPTZ,
    written_off_at      TIMESTAMPTZ,
    write_off_reason    TEXT,
    overstay_flagged_at TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT parking_session_exit_after_entry CHECK (exit_at IS NULL OR exit_at >= entry_at),
    CONSTRAINT parking_session_active_has_no_exit CHECK ((status = 'ACTIVE') = (exit_at IS NULL)),
    CONSTRAINT parking_session_closed_has_fee CHECK (status = 'ACTIVE' OR fee_fen IS NOT NULL)
);

-- at most one active session per plate per place (lot or segment)
CREATE UNIQUE INDEX parking_session_one_active_per_plate ON parking_session (place_id, plate) WHERE status = 'ACTIVE';
-- at most one active session per on-street bay
CREATE UNIQUE INDEX parking_session_one_active_per_bay ON parking_session (bay_id)
    WHERE status = 'ACTIVE' AND place_kind = 'SEGMENT';
-- a plate's sessions, newest first (drivers' lists, re-read of an exit, where-is)
CREATE INDEX parking_session_plate ON parking_session (plate, entry_at DESC);
-- the overstay scan
CREATE INDEX parking_session_active_unflagged ON parking_session (entry_at)
    WHERE status = 'ACTIVE' AND overstay_flagged_at IS NULL;

-- One bill per charged session (fee > 0), whatever the settlement: an autopay bill is paid at once, a deferred one
-- later, a pay-now one at the gate.
CREATE TABLE bill (
    id             UUID        PRIMARY KEY,
    session_id     UUID        NOT NULL UNIQUE REFERENCES parking_session (id),
    plate          TEXT        NOT NULL,
    operator_id    TEXT        NOT NULL,
    place_id       TEXT        NOT NULL,
    amount_fen     BIGINT      NOT NULL CHECK (amount_fen > 0),
    status         TEXT        NOT NULL CHECK (status IN ('UNPAID', 'PAID', 'WRITTEN_OFF')),
    issued_at      TIMESTAMPTZ NOT NULL,
    paid_at        TIMESTAMPTZ,
    written_off_at TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT bill_paid_has_time CHECK ((status = 'PAID') = (paid_at IS NOT NULL))
);

-- arrears and the credit rule: a plate's unpaid bills
CREATE INDEX bill_unpaid_by_plate ON bill (plate, issued_at) WHERE status = 'UNPAID';

-- A payment attempt against a bill. (scope, idempotency_key) is unique: a repeated request with the same key finds
-- the row instead of charging again. At most one payment per bill is in flight or confirmed.
CREATE TABLE payment (
    id              UUID        PRIMARY KEY,
    bill_id         UUID        NOT NULL REFERENCES bill (id),
    scope           TEXT        NOT NULL, -- 'driver:<driver id>' or 'autopay'
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    channel         TEXT        NOT NULL CHECK (channel IN ('AUTOPAY', 'DRIVER')),
    driver_id       TEXT,
    amount_fen      BIGINT      NOT NULL CHECK (amount_fen > 0),
    method          TEXT        NOT NULL,
    provider        TEXT        NOT NULL,
    provider_ref    TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'DECLINED', 'EXPIRED', 'REFUND_DUE')),
    failure_reason  TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ,
    CONSTRAINT payment_idempotency UNIQUE (scope, idempotency_key)
);

CREATE UNIQUE INDEX payment_one_live_per_bill ON payment (bill_id) WHERE status IN ('PENDING', 'CONFIRMED');
CREATE INDEX payment_pending ON payment (created_at) WHERE status = 'PENDING';

-- Something the operator should look at: an exit without an entry, an entry while the plate was still inside, a
-- session open too long.
CREATE TABLE session_anomaly (
    id           UUID        PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('EXIT_WITHOUT_ENTRY', 'MISSING_EXIT', 'OVERSTAY')),
    operator_id  TEXT        NOT NULL,
    place_kind   TEXT        NOT NULL,
    place_id     TEXT        NOT NULL,
    gate_id      TEXT,
    bay_id       TEXT,
    plate        TEXT        NOT NULL,
    plate_colour TEXT        NOT NULL,
    observed_at  TIMESTAMPTZ NOT NULL,
    session_id   UUID        REFERENCES parking_session (id),
    detail       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX session_anomaly_one_overstay ON session_anomaly (session_id) WHERE kind = 'OVERSTAY';
CREATE INDEX session_anomaly_by_operator ON session_anomaly (operator_id, created_at DESC);
CREATE INDEX session_anomaly_by_place_plate ON session_anomaly (place_id, plate, observed_at DESC);

-- A driver's vehicles: one account per plate at a time (the plate is the key).
CREATE TABLE vehicle_binding (
    plate               TEXT        PRIMARY KEY,
    driver_id           TEXT        NOT NULL,
    plate_colour        TEXT        NOT NULL,
    verified_at         TIMESTAMPTZ NOT NULL,
    verification_method TEXT        NOT NULL
);

CREATE INDEX vehicle_binding_by_driver ON vehicle_binding (driver_id);

-- The payment agreement used for autopay (无感支付) of a bound plate; goes when the plate is unbound.
CREATE TABLE autopay_binding (
    plate       TEXT        PRIMARY KEY REFERENCES vehicle_binding (plate) ON DELETE CASCADE,
    driver_id   TEXT        NOT NULL,
    method      TEXT        NOT NULL,
    account_ref TEXT        NOT NULL,
    bound_at    TIMESTAMPTZ NOT NULL
);
