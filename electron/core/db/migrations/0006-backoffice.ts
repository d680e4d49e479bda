// 0006: the back office (业务科室, issue 5 §3). Routed applications arrive by sync as cases: the
// counter's snapshot (company, item, contact, due date, materials with their PDFs), the counter's
// history, and the decisions. Written by the sync appliers inside the pull page's transaction and
// by the officers' decisions. No foreign keys to staff: the people named work on other PCs.
// Material PDFs are named in `pdf_sha256` so the blob collector keeps them once fetched.
// `backoffice_decisions` is also where a counter keeps the decisions that come back to it.
export default /* sql */ `
CREATE TABLE backoffice_cases (
  id              TEXT PRIMARY KEY,                    -- the application's id, as the counter made it
  case_no         TEXT NOT NULL,
  uscc            TEXT NOT NULL,
  enterprise_name TEXT NOT NULL,
  item_id         TEXT NOT NULL,
  item_name       TEXT NOT NULL,
  department      TEXT NOT NULL,
  contact_name    TEXT NOT NULL,
  contact_phone   TEXT NOT NULL,
  due_date        TEXT,
  accepted_by     TEXT NOT NULL,                       -- the counter clerk's name
  counter_name    TEXT NOT NULL,                       -- the accepting workstation's name, or ''
  routed_at       TEXT NOT NULL,                       -- the last routing, as the counter recorded it
  stage           TEXT NOT NULL CHECK (stage IN ('pending', 'approved', 'expert_passed', 'expert_failed', 'publicized', 'paid', 'returned')),
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX backoffice_cases_by_due ON backoffice_cases(due_date, routed_at);

CREATE TABLE backoffice_materials (
  case_id     TEXT NOT NULL REFERENCES backoffice_cases(id),
  id          TEXT NOT NULL,                           -- the counter's material id
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  form        TEXT NOT NULL,
  copies      INTEGER NOT NULL,
  required    INTEGER NOT NULL CHECK (required IN (0, 1)),
  state       TEXT NOT NULL,
  page_count  INTEGER NOT NULL,
  pdf_sha256  TEXT,                                    -- fetched from the centre after the pull
  PRIMARY KEY (case_id, id)
) STRICT;

-- the counter's steps, as the department sees them (keyed by the counter's event id: applied once)
CREATE TABLE backoffice_counter_events (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL,
  kind           TEXT NOT NULL,
  at             TEXT NOT NULL,
  staff_name     TEXT NOT NULL,
  summary        TEXT NOT NULL
) STRICT;
CREATE INDEX backoffice_counter_events_by_application ON backoffice_counter_events(application_id, at);

CREATE TABLE backoffice_decisions (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL,
  decision       TEXT NOT NULL CHECK (decision IN ('review_approved', 'review_returned', 'expert_reviewed', 'publicized', 'paid')),
  at             TEXT NOT NULL,
  staff_id       TEXT,
  staff_name     TEXT NOT NULL,
  summary        TEXT NOT NULL,
  note           TEXT NOT NULL,
  reason         TEXT NOT NULL,
  result         TEXT CHECK (result IN ('passed', 'failed')),
  amount_fen     INTEGER,
  paid_on        TEXT,
  period_from    TEXT,
  period_to      TEXT,
  received_at    TEXT NOT NULL,                        -- when it was written here
  seq            INTEGER NOT NULL                      -- order of arrival here
) STRICT;
CREATE INDEX backoffice_decisions_by_application ON backoffice_decisions(application_id, seq);
`;
