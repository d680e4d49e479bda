// 0002: the policy library (policies, items, two search indexes), the enterprise cache with its
// manual profile tags, and the links from consultations to the policies they referred to.
export default /* sql */ `
-- rid: an explicit integer key, so the rowids the search indexes point at survive VACUUM
CREATE TABLE policies (
  rid          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,        -- the library's own id (stable across imports)
  title        TEXT NOT NULL,
  doc_no       TEXT NOT NULL DEFAULT '',
  issuer       TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('national', 'province', 'city', 'district')),
  region_code  TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL CHECK (category IN ('relief', 'award', 'rights', 'qualification')),
  publish_date TEXT NOT NULL,
  expiry_date  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('active', 'expired', 'repealed')),
  full_text    TEXT NOT NULL,
  interpretation TEXT NOT NULL,             -- JSON {background, scope, keyPoints, changes}
  imported_at  TEXT NOT NULL
) STRICT;

CREATE TABLE policy_items (
  id            TEXT PRIMARY KEY,
  policy_id     TEXT NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  name          TEXT NOT NULL,
  department    TEXT NOT NULL,
  contact_phone TEXT NOT NULL DEFAULT '',
  window_start  TEXT,
  window_end    TEXT,
  delivery_mode TEXT NOT NULL CHECK (delivery_mode IN ('no_application', 'instant', 'commitment')),
  promised_days INTEGER NOT NULL,
  amount        TEXT NOT NULL DEFAULT '',
  amount_max    REAL,
  conditions    TEXT,                       -- JSON Condition, or NULL
  free_conditions TEXT NOT NULL DEFAULT '[]',
  materials     TEXT NOT NULL DEFAULT '[]',
  key_points    TEXT NOT NULL DEFAULT '',
  needs_expert_review INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX policy_items_by_policy ON policy_items(policy_id, position);
CREATE INDEX policy_items_by_department ON policy_items(department);

-- rowid of both indexes = policies.rid. Trigram finds any substring of 3+ characters;
-- bigram (text pre-cut into overlapping 2-character tokens, see shared/search/bigrams.ts) answers
-- the 1- and 2-character queries trigram cannot (补贴, 人才); prefix = '1' keeps a second index of
-- each token's first character, so a 1-character query ("补"*) is one list, not a merge of every
-- bigram starting with it.
-- All four search tables are contentless (content = ''): they hold only the index, no copy of the
-- text (search reads rowids; titles, snippets and highlights come from the original rows).
-- contentless_delete = 1 lets a row be deleted by rowid (DELETE ... WHERE rowid = ?) without its
-- old text; a change is a delete and an insert (policy-store.ts, enterprise-store.ts).
CREATE VIRTUAL TABLE policy_search USING fts5(
  title, doc_no, issuer, items, body, tokenize = 'trigram', detail = 'full',
  content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE policy_search_short USING fts5(
  title, doc_no, issuer, items, body, tokenize = 'unicode61 remove_diacritics 0', detail = 'column', prefix = '1',
  content = '', contentless_delete = 1
);

CREATE TABLE enterprises (
  rid               INTEGER PRIMARY KEY,
  uscc              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  legal_rep         TEXT NOT NULL DEFAULT '',
  region_code       TEXT,
  industry_code     TEXT,
  registration_date TEXT,
  registered_capital REAL,
  employees         INTEGER,
  revenue           REAL,
  total_assets      REAL,
  rnd_expense       REAL,
  tax_paid          REAL,
  contact_name      TEXT NOT NULL DEFAULT '',
  contact_phone     TEXT NOT NULL DEFAULT '',
  certificates      TEXT NOT NULL DEFAULT '[]',   -- JSON Certificate[]
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX enterprises_by_region ON enterprises(region_code);
-- any part of the name: trigram for 3+ characters, bigram for 1–2 (rowid = enterprises.rid);
-- contentless like the policy indexes, and the bigram one with the 1-character prefix index
CREATE VIRTUAL TABLE enterprise_search USING fts5(
  name, tokenize = 'trigram', detail = 'none', content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE enterprise_search_short USING fts5(
  name, tokenize = 'unicode61 remove_diacritics 0', detail = 'none', prefix = '1', content = '', contentless_delete = 1
);

-- 画像标签 set by hand (computed tags are derived on read from the rules)
CREATE TABLE enterprise_tags (
  uscc    TEXT NOT NULL REFERENCES enterprises(uscc) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  note    TEXT NOT NULL DEFAULT '',
  set_by  TEXT NOT NULL REFERENCES staff(id),
  set_at  TEXT NOT NULL,
  PRIMARY KEY (uscc, tag)
) STRICT;

CREATE TABLE consultation_policies (
  consultation_id TEXT NOT NULL REFERENCES consultations(id),
  policy_id       TEXT NOT NULL REFERENCES policies(id),
  item_id         TEXT REFERENCES policy_items(id),
  position        INTEGER NOT NULL,
  PRIMARY KEY (consultation_id, position)
) STRICT;
CREATE INDEX consultation_policies_by_policy ON consultation_policies(policy_id);
`;
