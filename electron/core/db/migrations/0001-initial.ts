// 0001: staff, consultations (window and hotline), tickets and their events, the working-day
// calendar, and the two tables every change writes: the outbox (to the centre) and the audit log.
export default /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  roles         TEXT NOT NULL,            -- JSON array of Role
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL,
  created_by    TEXT REFERENCES staff(id),
  updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE consultations (
  id                TEXT PRIMARY KEY,
  channel           TEXT NOT NULL CHECK (channel IN ('counter', 'hotline', 'online')),
  day               TEXT NOT NULL,          -- business date, China time
  status            TEXT NOT NULL CHECK (status IN ('in_call', 'done')),
  uscc              TEXT NOT NULL DEFAULT '',
  enterprise_name   TEXT NOT NULL DEFAULT '',
  contact_name      TEXT NOT NULL DEFAULT '',
  contact_phone     TEXT NOT NULL DEFAULT '',
  caller_number     TEXT NOT NULL DEFAULT '',
  question          TEXT NOT NULL DEFAULT '',
  category          TEXT NOT NULL DEFAULT 'other',
  policies_referred TEXT NOT NULL DEFAULT '',
  answer            TEXT NOT NULL DEFAULT '',
  result            TEXT NOT NULL DEFAULT 'answered' CHECK (result IN ('answered', 'reply_needed', 'transferred')),
  complexity        TEXT CHECK (complexity IN ('simple', 'complex')),
  due_date          TEXT,
  transfer_to       TEXT NOT NULL DEFAULT '',
  minutes_spent     INTEGER NOT NULL DEFAULT 0,
  started_at        TEXT,
  ended_at          TEXT,
  duration_seconds  INTEGER,
  created_at        TEXT NOT NULL,
  created_by        TEXT NOT NULL REFERENCES staff(id),
  updated_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL REFERENCES staff(id)
) STRICT;
CREATE INDEX consultations_by_day ON consultations(day, created_at);
CREATE INDEX consultations_by_caller ON consultations(caller_number, created_at) WHERE caller_number <> '';

CREATE TABLE tickets (
  id              TEXT PRIMARY KEY,
  ticket_no       TEXT NOT NULL UNIQUE,
  consultation_id TEXT NOT NULL UNIQUE REFERENCES consultations(id),
  owner_id        TEXT NOT NULL REFERENCES staff(id),
  due_date        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_at      TEXT NOT NULL,
  closed_at       TEXT
) STRICT;
CREATE INDEX tickets_by_owner ON tickets(owner_id, status, due_date);

-- append-only: a ticket's history is never edited
CREATE TABLE ticket_events (
  id        TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL REFERENCES tickets(id),
  kind      TEXT NOT NULL CHECK (kind IN ('created', 'return_call', 'closed')),
  at        TEXT NOT NULL,
  staff_id  TEXT NOT NULL REFERENCES staff(id),
  outcome   TEXT CHECK (outcome IN ('resolved', 'unresolved', 'unreachable')),
  note      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, at);

CREATE TABLE calendar_days (
  date       TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name       TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES staff(id)
) STRICT;

-- what must reach the centre, written in the same transaction as the record itself
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,  -- per-device sequence number
  id         TEXT NOT NULL UNIQUE,               -- mutation id (UUIDv7)
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  op         TEXT NOT NULL,
  payload    TEXT NOT NULL,                      -- JSON
  staff_id   TEXT,
  created_at TEXT NOT NULL,
  pushed_at  TEXT
) STRICT;

-- who, on which device, when, did what, to which record (等保 2.0 audit trail)
CREATE TABLE audit_log (
  id        TEXT PRIMARY KEY,
  at        TEXT NOT NULL,
  staff_id  TEXT,
  device_id TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  detail    TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id, at);
`;
