import type { Mutation } from '@shared/sync/protocol';
import { COUNTER_APPLICATION_OPS, type MutationType } from '@shared/sync/mutation-types';
import type { Queryable } from '../db/types';
import type { Log } from '../log';
import type { Device } from '../devices/authenticate';
import { AUDIENCE_ALL, deptAudience, deviceAudience, type FeedRow } from './feed';
import { applyTagEdits, tagEdit } from './enterprise-tags';

// Who receives applied mutations through the feed (shared/sync/mutation-types.ts, `audience`),
// a batch at a time: the state the rules read (applications, tags) is loaded once, locked.

const COUNTER_OPS = new Set<string>(COUNTER_APPLICATION_OPS);

export interface Applied {
  m: Mutation;
  type: MutationType;
  payloadJson: string;
}

interface AppState {
  origin: string;
  department: string;
  routed: boolean;
  /** not yet in the table: made by a mutation of this batch */
  isNew: boolean;
}

/** The application rows this batch speaks of, locked for the rest of the transaction. */
export async function loadApplications(tx: Queryable, ids: string[]): Promise<Map<string, AppState>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; origin_device: string; department: string; routed: boolean }>(
    'SELECT id, origin_device, department, routed_at IS NOT NULL AS routed FROM applications WHERE id = ANY($1::text[]) FOR UPDATE',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { origin: r.origin_device, department: r.department, routed: r.routed, isNew: false }]));
}

/**
 * Whether the centre can take this application mutation: the counter that accepted an application
 * makes it known (its first step); nobody else may speak of one the centre does not know. Updates
 * `apps` as if it were applied.
 */
export function admitApplication(apps: Map<string, AppState>, device: Device, m: Mutation): string | null {
  if (apps.has(m.entityId)) return null;
  if (!COUNTER_OPS.has(m.op)) return `application ${m.entityId} is unknown to the centre`;
  const department = String(((m.payload as Record<string, unknown>).application as { department?: unknown } | undefined)?.department ?? '');
  apps.set(m.entityId, { origin: device.id, department, routed: false, isNew: true });
  return null;
}

/** The feed rows of the applied mutations, in order; writes the state the rules keep. */
export async function feedRowsFor(tx: Queryable, device: Device, applied: readonly Applied[], apps: Map<string, AppState>, log: Log): Promise<FeedRow[]> {
  const tagEdits = applied.filter((a) => a.m.entity === 'enterprise_tag').map((a) => tagEdit(a.m.payload as Record<string, unknown>, a.m.op, a.m.id, device.id));
  const tagWinners = await applyTagEdits(tx, tagEdits, log);

  const fresh = [...apps].filter(([, s]) => s.isNew);
  if (fresh.length) {
    await tx.query(
      'INSERT INTO applications (id, origin_device, department) SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[]) ON CONFLICT (id) DO NOTHING',
      [fresh.map(([id]) => id), fresh.map(([, s]) => s.origin), fresh.map(([, s]) => s.department)],
    );
    for (const [, s] of fresh) s.isNew = false;
  }

  const rows: FeedRow[] = [];
  const row = (a: Applied, audience: string[]): FeedRow => ({ entity: a.m.entity, entityId: a.m.entityId, op: a.m.op, payloadJson: a.payloadJson, origin: device.id, mutationId: a.m.id, audience });
  for (const [i, a] of applied.entries()) {
    switch (a.type.audience) {
      case 'centre':
        break;
      case 'all':
        if (a.m.entity !== 'enterprise_tag' || tagWinners.has(a.m.id)) rows.push(row(a, [AUDIENCE_ALL]));
        break;
      case 'application': {
        const app = apps.get(a.m.entityId)!;
        const fromOrigin = app.origin === device.id;
        if (a.m.op === 'routed' && fromOrigin) {
          app.department = String((a.m.payload as Record<string, unknown>).department);
          app.routed = true;
          await tx.query('UPDATE applications SET department = $2, routed_at = now() WHERE id = $1', [a.m.entityId, app.department]);
          // the department gets the whole history so far (not what comes later in this batch), then the routing
          const later = applied.slice(i).map((x) => x.m.id);
          const earlier = await tx.query<{ id: string; op: string; payload: string; device_id: string }>(
            `SELECT id, op, payload::text AS payload, device_id FROM mutations
             WHERE entity = 'application' AND entity_id = $1 AND NOT (id = ANY($2::uuid[])) ORDER BY received_at, device_seq`,
            [a.m.entityId, later],
          );
          const audience = [deptAudience(app.department)];
          rows.push(...earlier.rows.map((e) => ({ entity: 'application', entityId: a.m.entityId, op: e.op, payloadJson: e.payload, origin: e.device_id, mutationId: e.id, audience })));
          rows.push(row(a, audience));
          break;
        }
        const audience: string[] = [];
        if (!fromOrigin) audience.push(deviceAudience(app.origin));
        if (app.routed) audience.push(deptAudience(app.department));
        if (audience.length) rows.push(row(a, audience));
        break;
      }
    }
  }
  return rows;
}
