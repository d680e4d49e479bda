import type { Change } from '@shared/sync/protocol';
import type { Queryable } from '../db/types';

// The change feed the devices pull. Rows are appended only here, under a transaction-level advisory
// lock taken just before the insert and held to COMMIT: so sequence numbers are handed out in commit
// order, and a reader that has seen seq n has seen every row below n that will ever exist. That is
// what makes a plain "seq > cursor" pull safe with several processes writing at once.

const FEED_LOCK = 0x46454544; // 'FEED'
/** rows per INSERT: keeps one statement's arrays a sensible size */
const CHUNK = 2000;

export interface FeedRow {
  entity: string;
  entityId: string;
  op: string;
  /** JSON text of the payload */
  payloadJson: string;
  origin: string | null;
  mutationId: string | null;
  /** 'all', 'device:<id>', 'dept:<name>' */
  audience: string[];
}

export const AUDIENCE_ALL = 'all';
export const deviceAudience = (id: string) => `device:${id}`;
export const deptAudience = (name: string) => `dept:${name}`;

/** Appends rows in order. Call inside the transaction that made them; returns their seqs. */
export async function appendChanges(tx: Queryable, rows: readonly FeedRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
  const seqs: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const { rows: out } = await tx.query<{ seq: string | number }>(
      `INSERT INTO changes (entity, entity_id, op, payload, origin_device, mutation_id, audience)
       SELECT e, i, o, p::jsonb, d::uuid, m::uuid, ARRAY(SELECT jsonb_array_elements_text(a::jsonb))
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) WITH ORDINALITY AS r(e, i, o, p, d, m, a, n)
       ORDER BY n
       RETURNING seq`,
      [
        part.map((r) => r.entity), part.map((r) => r.entityId), part.map((r) => r.op), part.map((r) => r.payloadJson),
        part.map((r) => r.origin), part.map((r) => r.mutationId), part.map((r) => JSON.stringify(r.audience)),
      ],
    );
    seqs.push(...out.map((r) => Number(r.seq)));
  }
  return seqs;
}

/** What a device may see: everything for all, for it, for its departments. */
export const audienceOf = (device: { id: string; departments: readonly string[] }) => [AUDIENCE_ALL, deviceAudience(device.id), ...device.departments.map(deptAudience)];

/**
 * One page of the changes a device may see after `after`, never its own. The cursor is the last
 * change given, or — on the last page — the newest seq of the whole feed, so a device that sees
 * little does not scan the same rows again next time (rows up to it are final: see above).
 */
export async function readChanges(db: Queryable, device: { id: string; departments: readonly string[] }, after: number, limit: number) {
  const { rows } = await db.query<{ top: string | number; seq: string | number | null; entity: string; entity_id: string; op: string; payload: unknown; origin_device: string | null; at: Date }>(
    `SELECT (SELECT coalesce(max(seq), 0) FROM changes) AS top, p.*
     FROM (SELECT 1) AS one
     LEFT JOIN LATERAL (
       SELECT seq, entity, entity_id, op, payload, origin_device, at FROM changes
       WHERE seq > $1 AND audience && $2::text[] AND origin_device IS DISTINCT FROM $3::uuid
       ORDER BY seq LIMIT $4
     ) AS p ON true`,
    [after, audienceOf(device), device.id, limit + 1],
  );
  const top = Number(rows[0]?.top ?? 0);
  const found = rows.filter((r) => r.seq !== null);
  const more = found.length > limit;
  const changes: Change[] = found.slice(0, limit).map((r) => ({
    seq: Number(r.seq), entity: r.entity, entityId: r.entity_id, op: r.op, payload: r.payload, origin: r.origin_device, at: new Date(r.at).toISOString(),
  }));
  const cursor = more ? changes[changes.length - 1]!.seq : Math.max(after, top);
  return { changes, cursor, more };
}
