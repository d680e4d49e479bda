import type Database from 'better-sqlite3';
import type { BackOfficeStage } from '@shared/backoffice/api-schemas';
import type { DecisionRecord, RoutedSnapshot } from '@shared/backoffice/sync-payloads';

// SQL for the back office's cases (migration 0006). No rules here: the appliers and the service
// decide, inside their transactions.

export interface CaseRow {
  id: string; case_no: string; uscc: string; enterprise_name: string; item_id: string; item_name: string; department: string;
  contact_name: string; contact_phone: string; due_date: string | null; accepted_by: string; counter_name: string;
  routed_at: string; stage: BackOfficeStage; updated_at: string;
}
export interface CaseMaterialRow {
  case_id: string; id: string; position: number; name: string; form: 'original' | 'copy'; copies: number; required: number;
  state: string; page_count: number; pdf_sha256: string | null;
}
export interface DecisionRow {
  id: string; application_id: string; decision: DecisionRecord['decision']; at: string; staff_id: string | null; staff_name: string;
  summary: string; note: string; reason: string; result: 'passed' | 'failed' | null; amount_fen: number | null; paid_on: string | null;
  period_from: string | null; period_to: string | null; received_at: string; seq: number;
}

export class BackOfficeRepo {
  constructor(private readonly db: Database.Database) {}

  get(id: string): CaseRow | undefined {
    return this.db.prepare('SELECT * FROM backoffice_cases WHERE id = ?').get(id) as CaseRow | undefined;
  }

  list(): CaseRow[] {
    return this.db.prepare('SELECT * FROM backoffice_cases ORDER BY due_date IS NULL, due_date, routed_at').all() as CaseRow[];
  }

  /** The case as the counter's snapshot has it (a re-routing: pending again, decisions kept). */
  upsertFromSnapshot(id: string, s: RoutedSnapshot, routedAt: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO backoffice_cases (id, case_no, uscc, enterprise_name, item_id, item_name, department, contact_name, contact_phone,
           due_date, accepted_by, counter_name, routed_at, stage, updated_at)
         VALUES (@id, @caseNo, @uscc, @enterpriseName, @itemId, @itemName, @department, @contactName, @contactPhone,
           @dueDate, @acceptedBy, @counterName, @routedAt, 'pending', @at)
         ON CONFLICT (id) DO UPDATE SET case_no = excluded.case_no, uscc = excluded.uscc, enterprise_name = excluded.enterprise_name,
           item_id = excluded.item_id, item_name = excluded.item_name, department = excluded.department,
           contact_name = excluded.contact_name, contact_phone = excluded.contact_phone, due_date = excluded.due_date,
           accepted_by = excluded.accepted_by, counter_name = excluded.counter_name, routed_at = excluded.routed_at,
           stage = 'pending', updated_at = excluded.updated_at`,
      )
      .run({ id, ...s, routedAt, at });
    this.db.prepare('DELETE FROM backoffice_materials WHERE case_id = ?').run(id);
    const insert = this.db.prepare(
      `INSERT INTO backoffice_materials (case_id, id, position, name, form, copies, required, state, page_count, pdf_sha256)
       VALUES (@caseId, @id, @position, @name, @form, @copies, @required, @state, @pageCount, @pdfSha256)`,
    );
    for (const m of s.materials) {
      insert.run({ caseId: id, id: m.id, position: m.position, name: m.name, form: m.form, copies: m.copies, required: m.required ? 1 : 0, state: m.state, pageCount: m.pageCount, pdfSha256: m.pdfSha256 });
    }
  }

  setStage(id: string, stage: BackOfficeStage, at: string): void {
    this.db.prepare('UPDATE backoffice_cases SET stage = ?, updated_at = ? WHERE id = ?').run(stage, at, id);
  }

  setDueDate(id: string, dueDate: string, at: string): void {
    this.db.prepare('UPDATE backoffice_cases SET due_date = ?, updated_at = ? WHERE id = ?').run(dueDate, at, id);
  }

  materials(caseId: string): CaseMaterialRow[] {
    return this.db.prepare('SELECT * FROM backoffice_materials WHERE case_id = ? ORDER BY position').all(caseId) as CaseMaterialRow[];
  }

  material(caseId: string, id: string): CaseMaterialRow | undefined {
    return this.db.prepare('SELECT * FROM backoffice_materials WHERE case_id = ? AND id = ?').get(caseId, id) as CaseMaterialRow | undefined;
  }

  /** Every material PDF the cases name (to fetch the ones not here). */
  namedPdfs(): string[] {
    return this.db.prepare('SELECT DISTINCT pdf_sha256 FROM backoffice_materials WHERE pdf_sha256 IS NOT NULL').pluck().all() as string[];
  }

  /** A counter step; false when it is here already. */
  addCounterEvent(e: { id: string; application_id: string; kind: string; at: string; staff_name: string; summary: string }): boolean {
    return this.db
      .prepare('INSERT INTO backoffice_counter_events (id, application_id, kind, at, staff_name, summary) VALUES (@id, @application_id, @kind, @at, @staff_name, @summary) ON CONFLICT (id) DO NOTHING')
      .run(e).changes === 1;
  }

  counterEvents(applicationId: string): { kind: string; at: string; staff_name: string; summary: string }[] {
    return this.db
      .prepare('SELECT kind, at, staff_name, summary FROM backoffice_counter_events WHERE application_id = ? ORDER BY at, rowid')
      .all(applicationId) as { kind: string; at: string; staff_name: string; summary: string }[];
  }

  /** A decision; false when it is here already. */
  addDecision(applicationId: string, d: DecisionRecord, receivedAt: string): boolean {
    const seq = (this.db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM backoffice_decisions').pluck().get() as number);
    return this.db
      .prepare(
        `INSERT INTO backoffice_decisions (id, application_id, decision, at, staff_id, staff_name, summary, note, reason, result,
           amount_fen, paid_on, period_from, period_to, received_at, seq)
         VALUES (@id, @applicationId, @decision, @at, @staffId, @staffName, @summary, @note, @reason, @result,
           @amountFen, @paidOn, @from, @to, @receivedAt, @seq)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run({
        id: d.id, applicationId, decision: d.decision, at: d.at, staffId: d.staffId, staffName: d.staffName, summary: d.summary, note: d.note,
        reason: d.reason, result: d.result, amountFen: d.amountFen, paidOn: d.paidOn, from: d.from, to: d.to, receivedAt, seq,
      }).changes === 1;
  }

  decisions(applicationId: string): DecisionRow[] {
    return this.db.prepare('SELECT * FROM backoffice_decisions WHERE application_id = ? ORDER BY seq').all(applicationId) as DecisionRow[];
  }
}

export const toDecisionView = (d: DecisionRow) => ({
  id: d.id, decision: d.decision, at: d.at, staffName: d.staff_name, summary: d.summary, note: d.note,
  result: d.result, amountFen: d.amount_fen, paidOn: d.paid_on, from: d.period_from, to: d.period_to,
});

export const toDecisionRecord = (d: DecisionRow): DecisionRecord => ({
  id: d.id, decision: d.decision, at: d.at, staffId: d.staff_id, staffName: d.staff_name, summary: d.summary, note: d.note, reason: d.reason,
  result: d.result, amountFen: d.amount_fen, paidOn: d.paid_on, from: d.period_from, to: d.period_to,
});
