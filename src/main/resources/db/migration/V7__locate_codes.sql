-- One-time locate codes (#6): issued when a session opens (gate entry, on-street bay check-in), printed on the
-- ticket or shown on the gate screen, and accepted by GET /api/v1/vehicles/{plate}/location while that session is
-- active. Only a salted hash is stored: SHA-256 (hex) of '<session id>:<code>'.
CREATE TABLE locate_code (
    session_id UUID        PRIMARY KEY REFERENCES parking_session (id) ON DELETE CASCADE,
    plate      TEXT        NOT NULL,
    code_hash  TEXT        NOT NULL CHECK (length(code_hash) = 64),
    issued_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX locate_code_plate ON locate_code (plate);
