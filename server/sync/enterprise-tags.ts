import type { Queryable } from '../db/types';
import type { Log } from '../log';

// Hand-set enterprise tags are the one thing two workstations may both edit: the later edit wins,
// by the clock in the payload (`hlc`, else `setAt`/`removedAt`; then the device id breaks a tie).
// Every decision where one edit displaces another is kept in `overwrites` and logged.

export interface TagEdit {
  uscc: string;
  tag: string;
  clock: string;
  removed: boolean;
  mutationId: string;
  deviceId: string;
}

interface Current {
  clock: string;
  deviceId: string;
  mutationId: string;
}

const later = (a: Current, b: Current) => a.clock > b.clock || (a.clock === b.clock && a.deviceId > b.deviceId);
const key = (e: { uscc: string; tag: string }) => `${e.uscc}\u0000${e.tag}`;

export function tagEdit(payload: Record<string, unknown>, op: string, mutationId: string, deviceId: string): TagEdit {
  const removed = op === 'tag_remove';
  const clock = String(payload.hlc ?? (removed ? payload.removedAt : payload.setAt));
  return { uscc: String(payload.uscc), tag: String(payload.tag), clock, removed, mutationId, deviceId };
}

/**
 * Decides a batch of edits in order against what the centre holds (rows locked), writes the
 * final winners and the overwrite log; returns the ids of the edits that won when they came
 * (they go into the feed, in order; a device applying them in order ends where the centre is).
 */
export async function applyTagEdits(tx: Queryable, edits: readonly TagEdit[], log: Log): Promise<Set<string>> {
  if (edits.length === 0) return new Set();
  const { rows } = await tx.query<{ uscc: string; tag: string; clock: string; device_id: string; mutation_id: string }>(
    `SELECT t.uscc, t.tag, t.clock, t.device_id, t.mutation_id FROM enterprise_tags t
     JOIN unnest($1::text[], $2::text[]) AS k(uscc, tag) ON t.uscc = k.uscc AND t.tag = k.tag FOR UPDATE OF t`,
    [edits.map((e) => e.uscc), edits.map((e) => e.tag)],
  );
  const current = new Map<string, Current>(rows.map((r) => [key(r), { clock: r.clock, deviceId: r.device_id, mutationId: r.mutation_id }]));
  const final = new Map<string, TagEdit>();
  const winners = new Set<string>();
  const overwrites: { entityId: string; winner: Current; loser: Current; stale: boolean }[] = [];
  for (const e of edits) {
    const k = key(e);
    const now = current.get(k);
    const incoming: Current = { clock: e.clock, deviceId: e.deviceId, mutationId: e.mutationId };
    const wins = !now || later(incoming, now);
    if (now) overwrites.push({ entityId: `${e.uscc}/${e.tag}`, winner: wins ? incoming : now, loser: wins ? now : incoming, stale: !wins });
    if (!wins) continue;
    current.set(k, incoming);
    final.set(k, e);
    winners.add(e.mutationId);
  }
  const w = [...final.values()];
  if (w.length) {
    await tx.query(
      `INSERT INTO enterprise_tags (uscc, tag, clock, removed, mutation_id, device_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::uuid[], $6::uuid[])
       ON CONFLICT (uscc, tag) DO UPDATE SET clock = excluded.clock, removed = excluded.removed, mutation_id = excluded.mutation_id, device_id = excluded.device_id`,
      [w.map((e) => e.uscc), w.map((e) => e.tag), w.map((e) => e.clock), w.map((e) => e.removed), w.map((e) => e.mutationId), w.map((e) => e.deviceId)],
    );
  }
  if (overwrites.length) {
    await tx.query(
      `INSERT INTO overwrites (entity, entity_id, winner_mutation, loser_mutation, winner_clock, loser_clock)
       SELECT 'enterprise_tag', * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])`,
      [overwrites.map((o) => o.entityId), overwrites.map((o) => o.winner.mutationId), overwrites.map((o) => o.loser.mutationId), overwrites.map((o) => o.winner.clock), overwrites.map((o) => o.loser.clock)],
    );
    for (const o of overwrites) {
      log({ level: 'info', event: o.stale ? 'lww_stale' : 'lww_overwrite', entity: 'enterprise_tag', entityId: o.entityId, winner: o.winner.mutationId, loser: o.loser.mutationId });
    }
  }
  return winners;
}
