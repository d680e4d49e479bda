import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { DayCloseRequest, DayCloseResponse } from '@shared/sync/protocol';
import { canonicalJson } from '@shared/sync/canonical-json';
import { chinaDayRange, tallyText } from '@shared/sync/day-close';
import type { Db } from '../db/types';
import type { Device } from '../devices/authenticate';

// 日结: the centre's own count and hash of the device's mutations of that China day, against the
// device's, entity by entity, and the ids that differ. Kept in day_closes.

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export async function dayClose(db: Db, device: Device, req: z.infer<typeof DayCloseRequest>): Promise<DayCloseResponse> {
  const { from, to } = chinaDayRange(req.day);
  // each record hashed from what is stored now, not the hash kept on arrival: a record changed at
  // the centre since (by hand, or by a fault) is named as different
  const stored = await db.query<{ id: string; entity: string; payload: string }>(
    'SELECT id, entity, payload::text AS payload FROM mutations WHERE device_id = $1 AND created_at >= $2 AND created_at < $3',
    [device.id, from, to],
  );
  const rows = stored.rows.map((r) => ({ id: r.id, entity: r.entity, record_hash: sha256(canonicalJson(JSON.parse(r.payload))) }));
  const centre = new Map(rows.map((r) => [r.id, r]));
  const deviceRecords = new Map(req.records.map((r) => [r.id, r]));

  const missingAtCentre = req.records.filter((r) => !centre.has(r.id)).map((r) => r.id).sort();
  const unknownToDevice = rows.filter((r) => !deviceRecords.has(r.id)).map((r) => r.id).sort();
  const different = req.records.filter((r) => centre.has(r.id) && centre.get(r.id)!.record_hash !== r.hash).map((r) => r.id).sort();

  const entities = [...new Set([...req.tallies.map((t) => t.entity), ...rows.map((r) => r.entity)])].sort();
  const tallies = entities.map((entity) => {
    const mine = rows.filter((r) => r.entity === entity).map((r) => ({ id: r.id, hash: r.record_hash }));
    const theirs = req.tallies.find((t) => t.entity === entity);
    return {
      entity,
      device: { count: theirs?.count ?? 0, hash: theirs?.hash ?? sha256('') },
      centre: { count: mine.length, hash: sha256(tallyText(mine)) },
    };
  });
  const matched = missingAtCentre.length === 0 && unknownToDevice.length === 0 && different.length === 0
    && tallies.every((t) => t.device.count === t.centre.count && t.device.hash === t.centre.hash);
  const report: DayCloseResponse = { day: req.day, matched, tallies, missingAtCentre, unknownToDevice, different };
  await db.query('INSERT INTO day_closes (device_id, day, matched, report) VALUES ($1, $2, $3, $4::jsonb)', [device.id, req.day, matched, JSON.stringify(report)]);
  return report;
}
