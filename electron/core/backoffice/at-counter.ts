import type Database from 'better-sqlite3';
import type { BackOfficeAtCounter, BackOfficeStage } from '@shared/backoffice/api-schemas';
import type { RoutedSnapshot } from '@shared/backoffice/sync-payloads';
import { isFinal, stageAfter, suggestedResult } from '@shared/backoffice/workflow';
import type { ApplicationRepo, ApplicationRow } from '../applications/application-repo';
import { BackOfficeRepo, toDecisionView } from './backoffice-repo';

// The counter's side of the back office: what the `routed` step sends (a snapshot the department
// needs nothing else for), and the decisions that came back, as the case at the counter shows them.

/** The application as the department sees it, from the rows as they are at routing. */
export function routedSnapshot(db: Database.Database, repo: ApplicationRepo, r: ApplicationRow): RoutedSnapshot {
  const counterName = (db.prepare('SELECT device_name FROM sync_state WHERE id = 1').pluck().get() as string | undefined) ?? '';
  return {
    caseNo: r.case_no, uscc: r.uscc, enterpriseName: r.enterprise_name, itemId: r.item_id, itemName: r.item_name, department: r.department,
    contactName: r.contact_name, contactPhone: r.contact_phone, dueDate: r.due_date, acceptedBy: r.clerk_name, counterName,
    materials: repo.materials(r.id).map((m) => ({
      id: m.id, position: m.position, name: m.name, form: m.form, copies: m.copies, required: m.required === 1, state: m.state,
      pageCount: repo.pages(m.id).length, pdfSha256: m.pdf_sha256,
    })),
  };
}

interface HistoryEvent { id: string; kind: string; at: string; staffName: string; summary: string }

/**
 * The back office's decisions on an application accepted here (null before the first), and the
 * history with them in it. The stage: the last decision's, unless that was 退回补正 and the
 * application was routed again since (more routings than returns: pending again). Counted, not
 * compared by time: the department's clock is not this PC's.
 */
export function backOfficeAtCounter(db: Database.Database, applicationId: string, events: readonly HistoryEvent[]): {
  backOffice: BackOfficeAtCounter | null;
  events: HistoryEvent[];
} {
  const rows = new BackOfficeRepo(db).decisions(applicationId);
  if (rows.length === 0) return { backOffice: null, events: [...events] };
  const routings = events.filter((e) => e.kind === 'routed').length;
  const returns = rows.filter((d) => d.decision === 'review_returned').length;
  const last = rows[rows.length - 1]!;
  const stage: BackOfficeStage = last.decision === 'review_returned' && routings > returns ? 'pending' : stageAfter(last.decision, last.result);
  const decisions = rows.map(toDecisionView);
  const merged = [...events, ...decisions.map((d) => ({ id: d.id, kind: d.decision, at: d.at, staffName: d.staffName, summary: d.summary }))]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    backOffice: { stage, decisions, resultReady: isFinal(stage), suggestedResult: suggestedResult(stage, decisions) },
    events: merged,
  };
}
