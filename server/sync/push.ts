import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '@shared/sync/canonical-json';
import { checkMutation, type MutationType } from '@shared/sync/mutation-types';
import { MAX_PUSH_BATCH, Mutation, MutationResult, Uuid } from '@shared/sync/protocol';
import { REJECT_CODES } from '@shared/sync/errors';
import type { Db, Queryable } from '../db/types';
import { sqlState } from '../db/types';
import type { Device } from '../devices/authenticate';
import type { Log } from '../log';
import { SyncHttpError } from '../http/errors';
import { appendChanges } from './feed';
import { admitApplication, feedRowsFor, loadApplications, type Applied } from './audience';

// POST /v1/push: the batch in ONE transaction. Each mutation is checked on its own first (its kind,
// payload, blobs, owner), so one bad mutation is refused with its reason and the rest apply; the
// good ones are stored in one statement, and only if the store refuses one do they go again one by
// one, each in its own savepoint. Exactly once: the mutation id is the primary key; the same id
// again from the same device is a duplicate (acked, not applied twice), from another device a
// refusal (logged).

type Item = { ok: true; m: Mutation } | { ok: false; id: string; message: string };

/** The body, mutation by mutation: a mutation with a usable id but bad fields is refused alone. */
export function parsePushBody(body: unknown): Item[] {
  const envelope = z.strictObject({ mutations: z.array(z.unknown()).min(1) }).safeParse(body);
  if (!envelope.success) throw new SyncHttpError('invalid_request', `body: ${envelope.error.issues[0]?.message ?? 'invalid'} (expected { mutations: [...] })`);
  const list = envelope.data.mutations;
  if (list.length > MAX_PUSH_BATCH) throw new SyncHttpError('batch_too_large', `${list.length} mutations; at most ${MAX_PUSH_BATCH} per push`);
  return list.map((raw, i) => {
    const parsed = Mutation.safeParse(raw);
    if (parsed.success) return { ok: true, m: parsed.data };
    const id = Uuid.safeParse((raw as { id?: unknown } | null)?.id);
    if (!id.success) throw new SyncHttpError('invalid_request', `mutations[${i}]: no valid id (${parsed.error.issues[0]?.message ?? ''})`);
    const issue = parsed.error.issues[0];
    return { ok: false, id: id.data, message: `${issue?.path.join('.') || 'mutation'}: ${issue?.message ?? 'invalid'}` };
  });
}

export interface BlobIndex {
  /** the shas of those given that the centre does not have */
  hasBlobs(shas: string[]): Promise<string[]>;
}

/** Without the blob module: the blobs table is the record of what the centre has. */
export const tableBlobIndex = (db: Db): BlobIndex => ({
  async hasBlobs(shas) {
    if (shas.length === 0) return [];
    const { rows } = await db.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[])', [shas]);
    const have = new Set(rows.map((r) => r.sha256));
    return shas.filter((s) => !have.has(s));
  },
});

const recordHash = (payload: unknown) => createHash('sha256').update(canonicalJson(payload)).digest('hex');

interface Candidate extends Applied {
  i: number;
}

export async function applyPush(db: Db, device: Device, items: Item[], blobs: BlobIndex, log: Log): Promise<MutationResult[]> {
  const results: (MutationResult | undefined)[] = new Array(items.length);
  const reject = (i: number, id: string, code: string, message: string) => {
    results[i] = { id, status: 'rejected', code, message };
    log({ level: 'warn', event: 'mutation_rejected', device: device.id, mutation: id, code, message });
  };

  const checked: { i: number; m: Mutation; type: MutationType }[] = [];
  items.forEach((item, i) => {
    if (!item.ok) return reject(i, item.id, REJECT_CODES.invalid_mutation, item.message);
    const check = checkMutation(item.m);
    if (!check.ok) return reject(i, item.m.id, check.code, check.message);
    checked.push({ i, m: item.m, type: check.type });
  });

  const wanted = [...new Set(checked.flatMap((t) => t.m.blobs))];
  const missing = new Set(wanted.length ? await blobs.hasBlobs(wanted) : []);

  await db.transaction(async (tx) => {
    const known = await owners(tx, checked.map((t) => t.m.id));
    const apps = await loadApplications(tx, checked.filter((t) => t.m.entity === 'application').map((t) => t.m.entityId));
    const candidates: Candidate[] = [];
    const inBatch = new Set<string>();
    for (const { i, m, type } of checked) {
      const owner = known.get(m.id);
      if (owner === device.id || (owner === undefined && inBatch.has(m.id))) {
        results[i] = { id: m.id, status: 'duplicate' };
        continue;
      }
      if (owner) {
        reject(i, m.id, REJECT_CODES.id_taken, 'this mutation id was pushed by another device');
        continue;
      }
      const lacking = m.blobs.filter((b) => missing.has(b));
      if (lacking.length) {
        results[i] = { id: m.id, status: 'missing_blobs', blobs: lacking };
        continue;
      }
      if (m.entity === 'application') {
        const why = admitApplication(apps, device, m);
        if (why) {
          reject(i, m.id, REJECT_CODES.unknown_application, why);
          continue;
        }
      }
      inBatch.add(m.id);
      candidates.push({ i, m, type, payloadJson: JSON.stringify(m.payload) });
    }

    const inserted = await insertAll(tx, device, candidates, reject);
    const applied: Candidate[] = [];
    for (const c of candidates) {
      if (results[c.i]) continue; // refused by the store
      if (inserted.has(c.m.id)) {
        applied.push(c);
        results[c.i] = { id: c.m.id, status: 'applied' };
        continue;
      }
      // a conflict: the id arrived meanwhile (another process), or this seq was used before
      const owner = (await owners(tx, [c.m.id])).get(c.m.id);
      if (owner === device.id) results[c.i] = { id: c.m.id, status: 'duplicate' };
      else if (owner) reject(c.i, c.m.id, REJECT_CODES.id_taken, 'this mutation id was pushed by another device');
      else reject(c.i, c.m.id, REJECT_CODES.seq_reused, `seq ${c.m.seq} was already used by another mutation of this device`);
    }
    // applications first made known by a mutation that was not stored after all are not kept
    for (const [id, s] of apps) if (s.isNew && !applied.some((a) => a.m.entity === 'application' && a.m.entityId === id)) apps.delete(id);
    await appendChanges(tx, await feedRowsFor(tx, device, applied, apps, log));
  });
  return results.map((r) => r!);
}

const INSERT = `INSERT INTO mutations (id, device_id, device_seq, entity, entity_id, op, payload, record_hash, blobs, staff_id, created_at)
  SELECT id, $1, seq, entity, entity_id, op, payload::jsonb, record_hash, ARRAY(SELECT jsonb_array_elements_text(blobs::jsonb)), staff_id, created_at
  FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
    AS r(id, seq, entity, entity_id, op, payload, record_hash, blobs, staff_id, created_at)
  ON CONFLICT DO NOTHING RETURNING id`;

const params = (device: Device, list: readonly Candidate[]) => [
  device.id, list.map((c) => c.m.id), list.map((c) => c.m.seq), list.map((c) => c.m.entity), list.map((c) => c.m.entityId), list.map((c) => c.m.op),
  list.map((c) => c.payloadJson), list.map((c) => recordHash(c.m.payload)), list.map((c) => JSON.stringify(c.m.blobs)), list.map((c) => c.m.staffId), list.map((c) => c.m.createdAt),
];

/**
 * Stores the candidates in one statement; the ids stored (the rest met a conflict). If the store
 * refuses one (a data exception: \u0000 in a JSON string, a date out of range), it goes again one
 * by one, each in its own savepoint, and refuses that one alone.
 */
async function insertAll(tx: Queryable, device: Device, list: readonly Candidate[], reject: (i: number, id: string, code: string, message: string) => void): Promise<Set<string>> {
  if (list.length === 0) return new Set();
  await tx.query('SAVEPOINT batch');
  try {
    const { rows } = await tx.query<{ id: string }>(INSERT, params(device, list));
    await tx.query('RELEASE SAVEPOINT batch');
    return new Set(rows.map((r) => r.id));
  } catch (e) {
    await tx.query('ROLLBACK TO SAVEPOINT batch');
    if (!sqlState(e)?.startsWith('22')) throw e;
  }
  const stored = new Set<string>();
  for (const c of list) {
    await tx.query('SAVEPOINT one');
    try {
      const { rows } = await tx.query<{ id: string }>(INSERT, params(device, [c]));
      await tx.query('RELEASE SAVEPOINT one');
      for (const r of rows) stored.add(r.id);
    } catch (e) {
      await tx.query('ROLLBACK TO SAVEPOINT one');
      if (!sqlState(e)?.startsWith('22')) throw e;
      reject(c.i, c.m.id, REJECT_CODES.invalid_payload, `the centre cannot store it: ${(e as Error).message}`);
    }
  }
  return stored;
}

async function owners(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; device_id: string }>('SELECT id, device_id FROM mutations WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.device_id]));
}
