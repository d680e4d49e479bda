// 0003: applications taken in at the counter (申报受理件) with their materials checklist and
// scanned pages, the documents issued (kept for reprint), the deadline's extensions, the delivery
// of the result, the append-only history, and settings (printers, hot folder).
export default /* sql */ `
CREATE TABLE applications (
  id              TEXT PRIMARY KEY,
  case_no         TEXT NOT NULL UNIQUE,                -- 办件编号
  query_code      TEXT NOT NULL UNIQUE,                -- 查询码 for the progress query
  state           TEXT NOT NULL CHECK (state IN ('receiving', 'correction', 'accepted', 'refused', 'routed', 'delivered')),
  uscc            TEXT NOT NULL,
  enterprise_name TEXT NOT NULL,
  item_id         TEXT NOT NULL,
  policy_id       TEXT NOT NULL,
  item_name       TEXT NOT NULL,
  department      TEXT NOT NULL,
  promised_days   INTEGER NOT NULL,
  contact_name    TEXT NOT NULL,
  contact_phone   TEXT NOT NULL,
  decision        TEXT CHECK (decision IN ('accept', 'accept_deferred', 'correction', 'refuse')),
  reason          TEXT NOT NULL DEFAULT '',
  clock_started_on TEXT,                               -- acceptance day (after 补正: the supplement's day)
  due_date        TEXT,
  clerk_id        TEXT NOT NULL REFERENCES staff(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX applications_by_state ON applications(state, created_at);
CREATE INDEX applications_by_uscc ON applications(uscc);

CREATE TABLE application_materials (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications(id),
  position       INTEGER NOT NULL,
  name           TEXT NOT NULL,
  form           TEXT NOT NULL CHECK (form IN ('original', 'copy')),
  copies         INTEGER NOT NULL,
  required       INTEGER NOT NULL CHECK (required IN (0, 1)),
  may_defer      INTEGER NOT NULL CHECK (may_defer IN (0, 1)),   -- 容缺 allowed
  state          TEXT NOT NULL CHECK (state IN ('pending', 'present', 'missing', 'defective')),
  defect         TEXT NOT NULL DEFAULT '',
  due_date       TEXT,                                 -- 容缺: to be supplied by
  pdf_sha256     TEXT,                                 -- the material's PDF in the blob folder
  handed_over_to TEXT,                                 -- department that received the paper original
  UNIQUE (application_id, position)
) STRICT;

CREATE TABLE material_pages (
  id          TEXT PRIMARY KEY,
  material_id TEXT NOT NULL REFERENCES application_materials(id),
  position    INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('image', 'pdf')),
  sha256      TEXT NOT NULL,                           -- the stored page (blob folder)
  bytes       INTEGER NOT NULL,
  width       INTEGER,
  height      INTEGER,
  rotation    INTEGER NOT NULL DEFAULT 0,
  blank       INTEGER NOT NULL DEFAULT 0 CHECK (blank IN (0, 1)),
  ink         REAL,
  source      TEXT NOT NULL,                           -- scanner / hot folder / camera / file
  added_by    TEXT NOT NULL REFERENCES staff(id),
  added_at    TEXT NOT NULL
) STRICT;
CREATE INDEX material_pages_by_material ON material_pages(material_id, position);

CREATE TABLE issued_documents (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications(id),
  kind           TEXT NOT NULL,
  sha256         TEXT NOT NULL,                        -- the PDF as issued, for preview and reprint
  staff_id       TEXT NOT NULL REFERENCES staff(id),
  created_at     TEXT NOT NULL,
  printed_at     TEXT,
  printer        TEXT,
  print_error    TEXT
) STRICT;
CREATE INDEX issued_documents_by_application ON issued_documents(application_id, created_at);

CREATE TABLE deadline_extensions (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications(id),
  days           INTEGER NOT NULL,
  reason         TEXT NOT NULL,
  staff_id       TEXT NOT NULL REFERENCES staff(id),
  at             TEXT NOT NULL
) STRICT;

CREATE TABLE deliveries (
  application_id TEXT PRIMARY KEY REFERENCES applications(id),
  method         TEXT NOT NULL CHECK (method IN ('window', 'post', 'electronic')),
  delivered_at   TEXT NOT NULL,
  recipient      TEXT NOT NULL,
  address        TEXT NOT NULL DEFAULT '',
  result         TEXT NOT NULL,
  note           TEXT NOT NULL DEFAULT '',
  staff_id       TEXT NOT NULL REFERENCES staff(id)
) STRICT;

-- append-only: an application's history is never edited
CREATE TABLE application_events (
  id             TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications(id),
  kind           TEXT NOT NULL,
  at             TEXT NOT NULL,
  staff_id       TEXT NOT NULL REFERENCES staff(id),
  summary        TEXT NOT NULL
) STRICT;
CREATE INDEX application_events_by_application ON application_events(application_id, at);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL                                  -- JSON
) STRICT;
`;
