import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../electron/core/app/create-core';
import { expect } from 'vitest';
import { canonicalJson } from '@shared/sync/canonical-json';
import { blobsOfMutation } from '../../electron/core/sync/mutation-blobs';
import type { TestCentral } from '../helpers/central';

// What the fault tests check once the faults stop and sync has finished: the centre holds each of
// the workstation's outbox entries exactly once, with the same content, every blob they name is
// kept at the centre whole, and nothing waits or was refused at the workstation.

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export interface ExactlyOnce {
  mutations: number;
  blobs: number;
  blobBytes: number;
  byEntity: Record<string, number>;
}

/** The workstation's data folder, read with its own SQLite file (the core is closed). */
export async function expectExactlyOnce(centre: TestCentral, workstationDir: string, deviceId: string): Promise<ExactlyOnce> {
  const db = new Database(path.join(workstationDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  const outbox = db.prepare('SELECT id, entity, payload, pushed_at, rejected_at FROM outbox ORDER BY seq').all() as {
    id: string; entity: string; payload: string; pushed_at: string | null; rejected_at: string | null;
  }[];
  db.close();

  // everything pushed, nothing refused
  expect(outbox.filter((r) => r.pushed_at === null || r.rejected_at !== null).map((r) => r.id)).toEqual([]);

  const { rows } = await centre.central.db.query<{ id: string; record_hash: string; blobs: string[] }>(
    'SELECT id::text AS id, record_hash, blobs FROM mutations WHERE device_id = $1', [deviceId],
  );
  const atCentre = new Map(rows.map((r) => [r.id, r]));
  expect(atCentre.size).toBe(rows.length); // every id once
  expect(rows.length).toBe(outbox.length);
  const blobs = new Set<string>();
  const byEntity: Record<string, number> = {};
  for (const r of outbox) {
    const c = atCentre.get(r.id);
    expect(c, `mutation ${r.id} (${r.entity}) at the centre`).toBeDefined();
    expect(c!.record_hash, `content of ${r.id}`).toBe(sha256(canonicalJson(JSON.parse(r.payload))));
    const named = blobsOfMutation(r.entity, JSON.parse(r.payload));
    expect([...c!.blobs].sort()).toEqual([...named].sort());
    for (const b of named) blobs.add(b);
    byEntity[r.entity] = (byEntity[r.entity] ?? 0) + 1;
  }

  // every blob named is kept, whole: the file's SHA-256 is its name
  let blobBytes = 0;
  const kept = await centre.central.db.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 = ANY($1)', [[...blobs]]);
  expect(kept.rows.map((r) => r.sha256).sort()).toEqual([...blobs].sort());
  for (const b of blobs) {
    const bytes = fs.readFileSync(path.join(centre.dataDir, 'blobs', b.slice(0, 2), b));
    expect(sha256(bytes), `blob ${b} at the centre`).toBe(b);
    blobBytes += bytes.length;
  }
  return { mutations: outbox.length, blobs: blobs.size, blobBytes, byEntity };
}
