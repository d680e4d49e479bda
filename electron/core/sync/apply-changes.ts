import type { Change } from '@shared/sync/protocol';
import { REFERENCE_PAYLOADS, type ReferenceKey } from '@shared/sync/feed';
import { REFERENCE_APPLIERS, type ApplyContext } from './apply-reference';
import { applyApplicationChange } from '../backoffice/apply-routed-changes';

// One page of the centre's change feed, applied by entity. Call inside the page's transaction.
// Reference data (policies, enterprises, staff, calendar) is written now; application changes go to
// the back office's appliers (cases at the department, decisions coming back to the counter:
// electron/core/backoffice/apply-routed-changes.ts). Others are logged and passed over (the cursor
// moves on, as for any change this build does not know).

/** Entities the feed carries that this build does not apply yet. */
const NOT_HANDLED_YET = new Set(['application_decision', 'consultation', 'ticket', 'enterprise_tag']);

export interface PageOutcome {
  applied: number;
  /** changes passed over: not handled yet, unknown, or a payload that failed its schema */
  skipped: number;
  /** entities written, for the caches to drop (policy, enterprise, staff, calendar) */
  entities: Set<string>;
}

export function applyChanges(ctx: ApplyContext & { deviceId: string }, changes: readonly Change[]): PageOutcome {
  const outcome: PageOutcome = { applied: 0, skipped: 0, entities: new Set() };
  const notHandled = new Map<string, number>();
  // consecutive changes of one kind are written together (a first pull is mostly long runs)
  let run: { key: ReferenceKey; payloads: unknown[] } | null = null;
  const flush = () => {
    if (!run) return;
    (REFERENCE_APPLIERS[run.key] as (c: ApplyContext, p: unknown[]) => void)(ctx, run.payloads);
    outcome.applied += run.payloads.length;
    outcome.entities.add(run.key.split(':')[0]!);
    run = null;
  };

  for (const c of changes) {
    // a device never gets its own changes back; should one come, it is already here
    if (c.origin === ctx.deviceId) {
      outcome.skipped++;
      continue;
    }
    const key = `${c.entity}:${c.op}`;
    if (c.entity === 'application') {
      flush();
      if (applyApplicationChange(ctx, c) === 'applied') outcome.applied++;
      else outcome.skipped++;
      continue;
    }
    if (!isReferenceKey(key)) {
      outcome.skipped++;
      notHandled.set(key, (notHandled.get(key) ?? 0) + 1);
      continue;
    }
    const parsed = REFERENCE_PAYLOADS[key].safeParse(c.payload);
    if (!parsed.success) {
      outcome.skipped++;
      ctx.log(`sync: change ${c.seq} (${key} ${c.entityId}) has a payload this build cannot read; passed over`, parsed.error);
      continue;
    }
    if (run && (run as { key: ReferenceKey }).key !== key) flush();
    run ??= { key, payloads: [] };
    run.payloads.push(parsed.data);
  }
  flush();

  for (const [key, n] of notHandled) {
    const entity = key.split(':')[0]!;
    ctx.log(`sync: ${n} change(s) ${key} ${NOT_HANDLED_YET.has(entity) ? 'not handled yet' : 'of an entity this build does not know'}; passed over`);
  }
  return outcome;
}

const isReferenceKey = (key: string): key is ReferenceKey => Object.prototype.hasOwnProperty.call(REFERENCE_PAYLOADS, key);
