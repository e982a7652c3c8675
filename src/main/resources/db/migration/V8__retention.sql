-- Retention (dev.citypark.session.SessionRetention): settled and written-off sessions older than
-- citypark.session.retention lose their plate (replaced by a keyed pseudonym) and camera image reference; amounts and
-- times stay for accounting. anonymised_at marks the rows done, so each pass reads only what is still to do.
ALTER TABLE parking_session ADD COLUMN anonymised_at TIMESTAMPTZ;

-- the retention job's scan: rows still carrying a plate, in the order they ended
CREATE INDEX parking_session_retention ON parking_session ((coalesce(settled_at, written_off_at, exit_at)))
    WHERE anonymised_at IS NULL AND status IN ('SETTLED', 'WRITTEN_OFF');
