import type Database from 'better-sqlite3';
import { BACK_OFFICE_DECISIONS, type BackOfficeDecision } from '@shared/backoffice/api-schemas';
import { CounterStepPayload, DecisionPayload } from '@shared/backoffice/sync-payloads';
import { stageAfter } from '@shared/backoffice/workflow';
import type { Change } from '@shared/sync/protocol';
import type { ApplyContext } from '../sync/apply-reference';
import { BackOfficeRepo } from './backoffice-repo';

// `application` changes from the feed (docs/backoffice.md), inside the pull page's transaction:
// - at the department: the counter's steps build the case (the `routed` step carries the whole
//   snapshot; a re-routing makes it pending again), the other officers' decisions move it on;
// - at the accepting counter: a decision joins the application's history; 退回补正 puts the
//   application in 补正 with the reason.
// Each step is keyed by its own id (the counter's event id, the decision's id): a change applied a
// second time (a page pulled again, the history sent again on re-routing) changes nothing. Nothing
// here writes the outbox: what came from the centre is not pushed back.

const DECISION_OPS = new Set<string>(BACK_OFFICE_DECISIONS);

export function applyApplicationChange(ctx: ApplyContext, c: Change): 'applied' | 'skipped' {
  const repo = new BackOfficeRepo(ctx.db);
  if (DECISION_OPS.has(c.op)) {
    const parsed = DecisionPayload.safeParse(c.payload);
    if (!parsed.success || parsed.data.decision.decision !== c.op) {
      ctx.log(`sync: change ${c.seq} (application:${c.op} ${c.entityId}) has a payload this build cannot read; passed over`, parsed.error);
      return 'skipped';
    }
    const d = parsed.data.decision;
    const owned = ownsApplication(ctx.db, c.entityId);
    const atDepartment = Boolean(repo.get(c.entityId));
    const used = owned || atDepartment;
    if (used && repo.addDecision(c.entityId, d, ctx.at)) {
      if (owned) decisionAtCounter(ctx, c.entityId, d.decision, d.reason);
      // the case's stage follows decisions in the order they first arrive (the centre's order)
      if (atDepartment) repo.setStage(c.entityId, stageAfter(d.decision, d.result), ctx.at);
    }
    if (!used) ctx.log(`sync: decision ${d.id} for application ${c.entityId}, unknown here; passed over`);
    return used ? 'applied' : 'skipped';
  }

  // a counter's step: only a department receives another device's
  const parsed = CounterStepPayload.safeParse(c.payload);
  if (!parsed.success) {
    ctx.log(`sync: change ${c.seq} (application:${c.op} ${c.entityId}) has a payload this build cannot read; passed over`, parsed.error);
    return 'skipped';
  }
  const p = parsed.data;
  if (!p.event) return 'applied'; // material_pdf: no step in the history
  const fresh = repo.addCounterEvent({
    id: p.event.id, application_id: c.entityId, kind: p.event.kind, at: p.event.at, staff_name: p.staffName ?? '', summary: p.event.summary,
  });
  if (!fresh) return 'applied';
  if (c.op === 'routed') {
    if (p.snapshot) repo.upsertFromSnapshot(c.entityId, p.snapshot, p.event.at, ctx.at);
    else ctx.log(`sync: application ${c.entityId} routed without a snapshot (an older counter build); the case cannot be shown`);
  } else if (c.op === 'extended' && p.dueDate && repo.get(c.entityId)) {
    repo.setDueDate(c.entityId, p.dueDate, ctx.at);
  }
  return 'applied';
}

const ownsApplication = (db: Database.Database, id: string) => Boolean(db.prepare('SELECT 1 FROM applications WHERE id = ?').get(id));

/** 退回补正 at the counter: a routed application goes to 补正 with the department's reason. */
function decisionAtCounter(ctx: ApplyContext, id: string, decision: BackOfficeDecision, reason: string): void {
  if (decision !== 'review_returned') return;
  ctx.db
    .prepare("UPDATE applications SET state = 'correction', decision = 'correction', reason = ?, updated_at = ? WHERE id = ? AND state = 'routed'")
    .run(reason, ctx.at, id);
}
