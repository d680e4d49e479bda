import { createHash } from 'node:crypto';
import { canonicalJson } from '@shared/sync/canonical-json';
import type { Queryable } from '../db/types';
import { appendChanges, AUDIENCE_ALL, type FeedRow } from '../sync/feed';

// Reference data the centre publishes to every device through the feed (shared/sync/feed.ts).
// `published` keeps the hash of what was last sent for each record, so publishing the same file
// again sends only what changed.

const CHUNK = 1000;
const hashOf = (payload: unknown) => createHash('sha256').update(canonicalJson(payload)).digest('hex');

export interface PublishCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** Publishes records (entity:op, id → payload) in chunks; each chunk is one transaction. */
export async function publishRecords(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  kind: { entity: string; op: string },
  records: readonly { id: string; payload: unknown }[],
): Promise<PublishCounts> {
  const counts: PublishCounts = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < records.length; i += CHUNK) {
    const c = await db.transaction((tx) => publishInTx(tx, kind, records.slice(i, i + CHUNK)));
    counts.created += c.created;
    counts.updated += c.updated;
    counts.unchanged += c.unchanged;
  }
  return counts;
}

/** Publishes within the caller's transaction: the feed rows of what changed, and the new hashes. */
export async function publishInTx(tx: Queryable, kind: { entity: string; op: string }, records: readonly { id: string; payload: unknown }[]): Promise<PublishCounts> {
  const part = records.map((r) => ({ ...r, hash: hashOf(r.payload) }));
  const { rows } = await tx.query<{ entity_id: string; record_hash: string }>(
    'SELECT entity_id, record_hash FROM published WHERE entity = $1 AND entity_id = ANY($2::text[]) FOR UPDATE',
    [kind.entity, part.map((r) => r.id)],
  );
  const before = new Map(rows.map((r) => [r.entity_id, r.record_hash]));
  const counts: PublishCounts = { created: 0, updated: 0, unchanged: 0 };
  const changed = part.filter((r) => before.get(r.id) !== r.hash);
  for (const r of part) {
    if (!before.has(r.id)) counts.created++;
    else if (before.get(r.id) !== r.hash) counts.updated++;
    else counts.unchanged++;
  }
  const feed: FeedRow[] = changed.map((r) => ({
    entity: kind.entity, entityId: r.id, op: kind.op, payloadJson: JSON.stringify(r.payload), origin: null, mutationId: null, audience: [AUDIENCE_ALL],
  }));
  const seqs = await appendChanges(tx, feed);
  if (changed.length) {
    await tx.query(
      `INSERT INTO published (entity, entity_id, record_hash, seq)
       SELECT $1, i, h, s FROM unnest($2::text[], $3::text[], $4::bigint[]) AS r(i, h, s)
       ON CONFLICT (entity, entity_id) DO UPDATE SET record_hash = excluded.record_hash, seq = excluded.seq, published_at = now()`,
      [kind.entity, changed.map((r) => r.id), changed.map((r) => r.hash), seqs],
    );
  }
  return counts;
}
