import fs from 'node:fs';
import { AppError } from '@shared/api/errors';
import {
  type BackOfficeCaseDetail, type BackOfficeCaseSummary, type BackOfficeDecideInput, type BackOfficeInboxInput,
} from '@shared/backoffice/api-schemas';
import type { DecisionRecord } from '@shared/backoffice/sync-payloads';
import { decisionSummary, nextDecisions, stageAfter } from '@shared/backoffice/workflow';
import { t, type MessageKey } from '@shared/i18n';
import { chinaDate } from '@shared/time/china-time';
import type { CoreEnv } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import { recordChange } from '../db/record-change';
import { newId } from '../ids';
import type { BlobStore } from '../materials/blob-store';
import { BackOfficeRepo, toDecisionView, type CaseRow } from './backoffice-repo';

// The department's work on routed applications: the inbox, a case, a decision. A decision checks
// the stage it starts from (shared/backoffice/workflow.ts) and writes the decision row, the stage,
// the audit row and the outbox entry in one transaction; sync takes it to the accepting counter.

type Staff = { id: string; displayName: string };

export class BackOfficeService {
  readonly repo: BackOfficeRepo;

  constructor(
    private readonly env: CoreEnv,
    private readonly calendar: CalendarStore,
    private readonly blobs: BlobStore,
  ) {
    this.repo = new BackOfficeRepo(env.db);
  }

  private row(id: string): CaseRow {
    const r = this.repo.get(id);
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  private here = (sha: string | null) => sha !== null && fs.existsSync(this.blobs.pathOf(sha));

  private summary(r: CaseRow, today: string): BackOfficeCaseSummary {
    const cal = this.calendar.calendar();
    const due = r.due_date;
    const daysLeft = due === null ? null : cal.workingDaysLeft(today, due);
    return {
      id: r.id, caseNo: r.case_no, uscc: r.uscc, enterpriseName: r.enterprise_name, itemName: r.item_name, department: r.department,
      routedAt: r.routed_at, dueDate: due, stage: r.stage, daysLeft,
      materialsReady: this.repo.materials(r.id).every((m) => m.pdf_sha256 === null || this.here(m.pdf_sha256)),
    };
  }

  /** open: something for the officer to do; done: a final result, or returned to the counter. */
  inbox(input: BackOfficeInboxInput): BackOfficeCaseSummary[] {
    const q = input.query.toUpperCase();
    const today = chinaDate(this.env.now());
    return this.repo
      .list()
      .filter((r) => input.filter === 'all' || (nextDecisions(r.stage).length > 0) === (input.filter === 'open'))
      .filter((r) => !q || r.case_no.toUpperCase().includes(q) || r.enterprise_name.includes(input.query) || r.uscc.startsWith(q))
      .map((r) => this.summary(r, today));
  }

  detail(id: string): BackOfficeCaseDetail {
    const r = this.row(id);
    return {
      ...this.summary(r, chinaDate(this.env.now())),
      contactName: r.contact_name, contactPhone: r.contact_phone, acceptedBy: r.accepted_by, counterName: r.counter_name,
      materials: this.repo.materials(id).map((m) => ({
        id: m.id, name: m.name, form: m.form, copies: m.copies, required: m.required === 1, state: m.state, pageCount: m.page_count,
        pdfSha256: m.pdf_sha256, available: this.here(m.pdf_sha256),
      })),
      counterHistory: this.repo.counterEvents(id).map((e) => ({ kind: e.kind, at: e.at, staffName: e.staff_name, summary: e.summary })),
      decisions: this.repo.decisions(id).map(toDecisionView),
      allowed: nextDecisions(r.stage),
    };
  }

  decide(input: BackOfficeDecideInput, staff: Staff): BackOfficeCaseDetail {
    this.env.db.transaction(() => {
      const r = this.row(input.id);
      if (!nextDecisions(r.stage).includes(input.decision)) {
        throw new AppError('APPLICATION_STATE', {
          state: t(`backoffice.stage.${r.stage}` as MessageKey), action: t(`backoffice.decision.${input.decision}` as MessageKey),
        });
      }
      const facts = {
        decision: input.decision, note: input.note,
        reason: input.decision === 'review_returned' ? input.reason : '',
        result: input.decision === 'expert_reviewed' ? input.result : null,
        amountFen: input.decision === 'paid' ? input.amountFen : null,
        paidOn: input.decision === 'paid' ? input.paidOn : null,
        from: input.decision === 'publicized' ? input.from : null,
        to: input.decision === 'publicized' ? input.to : null,
      };
      const at = this.env.now().toISOString();
      const d: DecisionRecord = { id: newId(), at, staffId: staff.id, staffName: staff.displayName, summary: decisionSummary(facts), ...facts };
      this.repo.addDecision(r.id, d, at);
      this.repo.setStage(r.id, stageAfter(d.decision, d.result), at);
      recordChange(this.env, { entity: 'application', entityId: r.id, action: d.decision, staffId: staff.id, payload: { id: r.id, caseNo: r.case_no, decision: d } });
    }).immediate();
    return this.detail(input.id);
  }

  /** A material's PDF as the counter scanned it; MATERIAL_NOT_YET_HERE until it is fetched. */
  async materialPdf(caseId: string, materialId: string): Promise<{ fileName: string; mimeType: string; base64: string }> {
    const r = this.row(caseId);
    const m = this.repo.material(r.id, materialId);
    if (!m || !m.pdf_sha256) throw new AppError('NOT_FOUND');
    if (!this.here(m.pdf_sha256)) throw new AppError('MATERIAL_NOT_YET_HERE');
    const bytes = await this.blobs.get(m.pdf_sha256);
    return { fileName: `${m.name}-${r.case_no}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }
}
