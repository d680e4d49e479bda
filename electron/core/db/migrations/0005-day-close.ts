// 0005: 日结 (end of day). Each run of the end-of-day check with the centre is kept: the day, who ran
// it and when, the verdict, the comparison as shown (JSON) and the report PDF in the blob folder
// (report_sha256: named, so the blob collector keeps it). The device's name as enrolled, for the report;
// indexes for the status bar's count of refused records and for a day's records.
export default /* sql */ `
ALTER TABLE sync_state ADD COLUMN device_name TEXT NOT NULL DEFAULT '';

CREATE TABLE day_closes (
  id            TEXT PRIMARY KEY,
  day           TEXT NOT NULL,                         -- the China day closed, YYYY-MM-DD
  ran_at        TEXT NOT NULL,
  staff_id      TEXT NOT NULL REFERENCES staff(id),
  matched       INTEGER NOT NULL CHECK (matched IN (0, 1)),
  result        TEXT NOT NULL,                         -- JSON: the DayCloseView shown and printed
  report_sha256 TEXT NOT NULL                          -- the 日结报表 PDF
) STRICT;
CREATE INDEX day_closes_by_day ON day_closes(day, ran_at);

-- the status bar asks every few seconds how many records the centre refused: without this the
-- count reads the whole outbox (about 80 ms at 200,000 entries)
CREATE INDEX outbox_rejected ON outbox(seq) WHERE rejected_at IS NOT NULL;
-- 日结 reads a day's entries by their time
CREATE INDEX outbox_by_created ON outbox(created_at);
`;
