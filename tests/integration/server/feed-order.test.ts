import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { openPg } from '../../../server/db/pg';
import { migrate } from '../../../server/db/migrate';
import type { Db } from '../../../server/db/types';
import { AUDIENCE_ALL, appendChanges, readChanges, type FeedRow } from '../../../server/sync/feed';
import { backendMissing, createTestDatabase } from '../../helpers/central';

// The feed's one promise with several writers at once (PostgreSQL): a reader's cursor never passes a
// row that commits later. Writer 1 holds an uncommitted row while writer 2 appends and commits; the
// reader, reading in between, must not move past writer 1's row.

const row = (id: string): FeedRow => ({ entity: 'probe', entityId: id, op: 'upsert', payloadJson: '{}', origin: null, mutationId: null, audience: [AUDIENCE_ALL] });

describe.skipIf(backendMissing('pg'))('change feed order on PostgreSQL', () => {
  let test: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  beforeAll(async () => {
    test = await createTestDatabase();
    db = await openPg(test.url);
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await test?.drop();
  });

  it('a row committed after a later-started one is still given to a reader that read in between', async () => {
    const reader = { id: v7(), departments: [] };
    const start = (await readChanges(db, reader, 0, 100)).cursor;

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let appended!: () => void;
    const firstIn = new Promise<void>((r) => (appended = r));
    const writer1 = db.transaction(async (tx) => {
      await appendChanges(tx, [row('first')]);
      appended();
      await held; // uncommitted until released
    });
    await firstIn;

    const writer2 = db.transaction((tx) => appendChanges(tx, [row('second')]));
    // writer 2 either waits for writer 1 (the feed lock) or has committed: wait for one of the two
    for (;;) {
      const waiting = await db.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
      const done = await Promise.race([writer2.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10))]);
      if (waiting.rowCount > 0 || done) break;
    }

    const between = await readChanges(db, reader, start, 100);
    release();
    await Promise.all([writer1, writer2]);
    const after = await readChanges(db, reader, between.cursor, 100);
    const given = [...between.changes, ...after.changes].map((c) => c.entityId);
    expect(given).toEqual(['first', 'second']);
  });
});
