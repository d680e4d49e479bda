// 0001: the centre's first schema. Devices and their enrolment codes; staff (the centre's accounts,
// cached at the workstations); every mutation a device pushed (exactly once: the primary key is the
// mutation id); the change feed the devices pull, in the order of one sequence; what the audience
// rules need to know of applications; last-writer-wins state and its overwrite log; stored blobs;
// end-of-day comparisons.
export default /* sql */ `
CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE enrolment_codes (
  code_hash   text PRIMARY KEY,                 -- sha256 of the normalised code; the code itself is never stored
  departments text[] NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_by     uuid,
  used_at     timestamptz
);

CREATE TABLE devices (
  id              uuid PRIMARY KEY,             -- the workstation's own device id
  name            text NOT NULL,
  credential_hash text NOT NULL,                -- sha256 (hex) of the secret
  departments     text[] NOT NULL DEFAULT '{}',
  enrolled_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  last_seen_at    timestamptz
);

CREATE TABLE staff (
  id            text PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,                  -- the workstation's scrypt format
  roles         text[] NOT NULL,
  department    text NOT NULL DEFAULT '',
  active        boolean NOT NULL DEFAULT true,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mutations (
  id          uuid PRIMARY KEY,
  device_id   uuid NOT NULL REFERENCES devices(id),
  device_seq  bigint NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  op          text NOT NULL,
  payload     jsonb NOT NULL,
  record_hash text NOT NULL,                    -- sha256 of canonicalJson(payload) as received (日结)
  blobs       text[] NOT NULL DEFAULT '{}',
  staff_id    text,
  created_at  timestamptz NOT NULL,             -- the device's time
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, device_seq)
);
CREATE INDEX mutations_device_created ON mutations (device_id, created_at);
CREATE INDEX mutations_entity ON mutations (entity, entity_id, device_seq);

-- The pull feed. Rows are appended only under the feed lock (server/sync/feed.ts), so seq order is
-- commit order and a cursor never skips a row that commits later.
CREATE TABLE changes (
  seq           bigserial PRIMARY KEY,
  entity        text NOT NULL,
  entity_id     text NOT NULL,
  op            text NOT NULL,
  payload       jsonb NOT NULL,
  origin_device uuid,                           -- null: the centre itself
  mutation_id   uuid,
  audience      text[] NOT NULL,                -- 'all', 'device:<id>', 'dept:<name>'
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_audience ON changes USING gin (audience);

-- What the centre last published of each reference record (policies, enterprises, staff, calendar):
-- publishing the same again sends nothing.
CREATE TABLE published (
  entity       text NOT NULL,
  entity_id    text NOT NULL,
  record_hash  text NOT NULL,
  seq          bigint NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, entity_id)
);

-- Who accepted an application and where it went: the audience of its later changes.
CREATE TABLE applications (
  id            text PRIMARY KEY,
  origin_device uuid NOT NULL,
  department    text NOT NULL DEFAULT '',
  routed_at     timestamptz
);

-- Hand-set enterprise tags: last writer wins by the clock in the payload.
CREATE TABLE enterprise_tags (
  uscc        text NOT NULL,
  tag         text NOT NULL,
  clock       text NOT NULL,
  removed     boolean NOT NULL,
  mutation_id uuid NOT NULL,
  device_id   uuid NOT NULL,
  PRIMARY KEY (uscc, tag)
);
CREATE TABLE overwrites (
  id              bigserial PRIMARY KEY,
  entity          text NOT NULL,
  entity_id       text NOT NULL,
  winner_mutation uuid NOT NULL,
  loser_mutation  uuid NOT NULL,
  winner_clock    text NOT NULL,
  loser_clock     text NOT NULL,
  at              timestamptz NOT NULL DEFAULT now()
);

-- Blobs the centre keeps (server/blobs): <data-dir>/blobs/ab/<sha256>, verified on arrival.
CREATE TABLE blobs (
  sha256    text PRIMARY KEY,
  size      bigint NOT NULL,
  device_id uuid,                               -- the device that uploaded it
  stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE day_closes (
  id        bigserial PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES devices(id),
  day       date NOT NULL,
  matched   boolean NOT NULL,
  report    jsonb NOT NULL,
  closed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX day_closes_device_day ON day_closes (device_id, day);
`;
