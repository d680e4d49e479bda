// 0004: sync with the centre. The outbox learns what the centre refused for good (kept, shown to
// the person, never sent again); one row of sync state (the centre, this device's credential, the
// pull cursor, the last success and failure); and the tus upload URL of each blob being uploaded,
// so an upload cut short resumes where it stopped, also after a restart.
export default /* sql */ `
ALTER TABLE outbox ADD COLUMN rejected_at TEXT;
ALTER TABLE outbox ADD COLUMN reject_code TEXT;
ALTER TABLE outbox ADD COLUMN reject_message TEXT;
-- what the next push sends: not yet pushed and not refused, in seq order
CREATE INDEX outbox_waiting ON outbox(seq) WHERE pushed_at IS NULL AND rejected_at IS NULL;

CREATE TABLE sync_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),  -- one row
  centre_url      TEXT,                                -- e.g. https://centre.example.gov.cn
  centre_name     TEXT NOT NULL DEFAULT '',
  device_id       TEXT,                                -- as the centre enrolled it
  -- the credential's secret half. Kept here for now; an OS keychain (Windows Credential Manager /
  -- DPAPI, macOS Keychain, libsecret) is where it belongs once the host offers one to the core.
  device_secret   TEXT,
  departments     TEXT NOT NULL DEFAULT '[]',          -- JSON array: routed applications this device receives
  enrolled_at     TEXT,
  pull_cursor     INTEGER NOT NULL DEFAULT 0,          -- the centre's seq of the last change applied
  last_success_at TEXT,
  last_error      TEXT,                                -- JSON {key, params}: a catalogue message (sync.error.*), shown in Chinese
  last_error_at   TEXT,
  last_error_detail TEXT,                              -- English, for the log
  stopped         INTEGER NOT NULL DEFAULT 0 CHECK (stopped IN (0, 1))  -- the centre refused the device (401): no retries
) STRICT;
INSERT INTO sync_state (id) VALUES (1);

CREATE TABLE blob_uploads (
  sha256     TEXT PRIMARY KEY,
  upload_url TEXT NOT NULL,                            -- the tus upload's URL at the centre
  size       INTEGER,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
