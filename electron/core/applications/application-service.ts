import { AppError } from '@shared/api/errors';
import type { ApplicationDetail, Decision, DocumentKind, MaterialState } from '@shared/applications/schemas';
import { allowed, decisionProblem, stateAfter, type ApplicationAction } from '@shared/applications/workflow';
import { t, type MessageKey } from '@shared/i18n';
import { chinaDate, formatChineseDate } from '@shared/time/china-time';
import type { CoreEnv } from '../api/handler-types';
import type { CalendarStore } from '../calendar/calendar-store';
import { recordChange } from '../db/record-change';
import { backOfficeAtCounter, routedSnapshot } from '../backoffice/at-counter';
import { BACK_OFFICE_DECISIONS } from '@shared/backoffice/api-schemas';
import { getEnterpriseRow } from '../enterprises/enterprise-store';
import { newId } from '../ids';
import { PolicyReader, toItemView, type ItemRow } from '../policies/policy-read';
import { ApplicationRepo, toSummary, type ApplicationRow, type PageRow } from './application-repo';
import type { ApplicationPorts, DocumentContext, StoredPage } from './ports';

// 申报受理 at the counter. Every action checks the state it starts from (workflow.ts), does its
// slow work first (processing pages, making the PDF, storing it in the blob folder) and then
// records the outcome in ONE transaction: the new state, the event in the history, the document
// issued, the audit row and the outbox entry — all or nothing. A blob stored for a write that
// then failed is harmless (content-addressed, unreferenced).

const DEFERRED_DAYS = 5;

type Staff = { id: string; displayName: string };

export class ApplicationService {
  readonly repo: ApplicationRepo;
  private readonly reader: PolicyReader;

  constructor(
    private readonly env: CoreEnv,
    private readonly calendar: CalendarStore,
    private readonly ports: ApplicationPorts,
  ) {
    this.repo = new ApplicationRepo(env.db);
    this.reader = new PolicyReader(env.db);
  }

  private today = () => chinaDate(this.env.now());
  private at = () => this.env.now().toISOString();

  // ---- reading ----------------------------------------------------------------------------------

  private row(id: string): ApplicationRow {
    const r = this.repo.get(id);
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  detail(id: string): ApplicationDetail {
    const r = this.row(id);
    const today = this.today();
    const itemRow = this.env.db.prepare('SELECT * FROM policy_items WHERE id = ?').get(r.item_id) as ItemRow | undefined;
    const policy = this.reader.summary(r.policy_id, today);
    if (!itemRow || !policy) throw new AppError('NOT_FOUND');
    const cal = this.calendar.calendar();
    const running = r.due_date !== null && r.state !== 'delivered' && r.state !== 'refused';
    const daysLeft = !running ? null : cal.workingDaysLeft(today, r.due_date!);
    const delivery = this.repo.delivery(id);
    const history = this.repo.events(id).map((e) => ({ id: e.id, kind: e.kind, at: e.at, staffName: e.staff_name, summary: e.summary }));
    const backOffice = backOfficeAtCounter(this.env.db, id, history);
    return {
      ...toSummary(r),
      contactName: r.contact_name, contactPhone: r.contact_phone,
      item: toItemView(itemRow, today, policy.status === 'active'), policy,
      decision: r.decision, reason: r.reason,
      materials: this.repo.materials(id).map((m) => ({
        id: m.id, position: m.position, name: m.name, form: m.form, copies: m.copies, required: m.required === 1,
        deferrable: m.may_defer === 1, state: m.state, defect: m.defect, dueDate: m.due_date, pdfSha256: m.pdf_sha256,
        handedOverTo: m.handed_over_to,
        pages: this.repo.pages(m.id).map((p) => ({
          id: p.id, position: p.position, kind: p.kind, sha256: p.sha256, bytes: p.bytes, rotation: p.rotation, blank: p.blank === 1, ink: p.ink,
        })),
      })),
      deadline: {
        promisedDays: r.promised_days, startedOn: r.clock_started_on, dueDate: r.due_date, daysLeft,
        extensions: this.repo.extensions(id).map((x) => ({ days: x.days, reason: x.reason, at: x.at, staffName: x.staff_name })),
      },
      documents: this.repo.documents(id).map((d) => ({
        id: d.id, kind: d.kind, createdAt: d.created_at, staffName: d.staff_name, printedAt: d.printed_at, printer: d.printer, printError: d.print_error,
      })),
      events: backOffice.events.map((e) => ({ ...e, kind: e.kind as ApplicationDetail['events'][number]['kind'] })),
      delivery: delivery
        ? { method: delivery.method, deliveredAt: delivery.delivered_at, recipient: delivery.recipient, address: delivery.address, result: delivery.result, note: delivery.note, staffName: delivery.staff_name }
        : null,
      backOffice: backOffice.backOffice,
    };
  }

  // ---- writing ----------------------------------------------------------------------------------

  private must(action: ApplicationAction, r: ApplicationRow): void {
    if (!allowed(action, r.state)) {
      throw new AppError('APPLICATION_STATE', { state: t(`application.state.${r.state}` as MessageKey), action: t(`application.action.${action}` as MessageKey) });
    }
  }

  /** The event, the audit row and the outbox entry of one step; inside the step's transaction. */
  private record(r: ApplicationRow, staff: Staff, kind: string, summary: string, payload: Record<string, unknown> = {}): void {
    const event = { id: newId(), application_id: r.id, kind, at: this.at(), staff_id: staff.id, summary };
    this.repo.addEvent(event);
    recordChange(this.env, { entity: 'application', entityId: r.id, action: kind, staffId: staff.id, payload: { id: r.id, caseNo: r.case_no, event, staffName: staff.displayName, ...payload } });
  }

  create(input: { uscc: string; itemId: string; contactName: string; contactPhone: string }, staff: Staff): ApplicationDetail {
    const company = getEnterpriseRow(this.env.db, input.uscc);
    if (!company) throw new AppError('NOT_FOUND');
    const item = this.env.db.prepare('SELECT * FROM policy_items WHERE id = ?').get(input.itemId) as ItemRow | undefined;
    if (!item) throw new AppError('NOT_FOUND');
    const id = newId();
    this.env.db.transaction(() => {
      const row = {
        id, case_no: this.repo.nextCaseNo(this.today(), this.env.deviceId), query_code: this.repo.newQueryCode(), state: 'receiving' as const,
        uscc: company.uscc, enterprise_name: company.name, item_id: item.id, policy_id: item.policy_id, item_name: item.name,
        department: item.department, promised_days: item.promised_days, contact_name: input.contactName, contact_phone: input.contactPhone,
        clerk_id: staff.id, created_at: this.at(),
      };
      this.repo.insert(row);
      const materials = JSON.parse(item.materials) as { name: string; form: 'original' | 'copy'; copies: number; required: boolean; deferrable?: boolean }[];
      materials.forEach((m, i) =>
        this.repo.insertMaterial({ id: newId(), application_id: id, position: i + 1, name: m.name, form: m.form, copies: m.copies, required: m.required ? 1 : 0, may_defer: m.deferrable ? 1 : 0 }),
      );
      this.record(this.row(id), staff, 'created', t('application.event.created', { item: item.name, n: materials.length }), { application: row });
    }).immediate();
    return this.detail(id);
  }

  markMaterial(input: { applicationId: string; materialId: string; state: Exclude<MaterialState, 'pending'>; defect: string }, staff: Staff): ApplicationDetail {
    this.env.db.transaction(() => {
      const r = this.row(input.applicationId);
      this.must('editChecklist', r);
      const m = this.repo.material(r.id, input.materialId);
      if (!m) throw new AppError('NOT_FOUND');
      const defect = input.state === 'defective' ? input.defect : '';
      this.repo.updateMaterial(m.id, { state: input.state, defect });
      const word = t(`application.material.${input.state}` as MessageKey);
      this.record(r, staff, 'material_marked', `${m.name}：${word}${defect ? `（${defect}）` : ''}`, { materialId: m.id, state: input.state, defect });
    }).immediate();
    return this.detail(input.applicationId);
  }

  /**
   * Processes and stores the files and adds their pages at the end of the material. The material's
   * PDF is built again with them, or — `pdf: 'later'`, for a scan batch that saves page by page —
   * left to `ensurePdf` (pdf_sha256 null until then, so it never names a PDF without these pages).
   */
  async addPages(
    input: { applicationId: string; materialId: string; files: { name: string; bytes: Uint8Array; dpi?: number }[]; source: string },
    staff: Staff,
    opts: { pdf?: 'now' | 'later' } = {},
  ): Promise<{ application: ApplicationDetail; refused: { name: string; message: string }[] }> {
    const r = this.row(input.applicationId);
    this.must('editChecklist', r);
    const m = this.repo.material(r.id, input.materialId);
    if (!m) throw new AppError('NOT_FOUND');
    const { pages, refused } = await this.ports.pages.addFiles(input.files);
    if (pages.length) {
      const before = this.repo.pages(m.id);
      const built = opts.pdf === 'later' ? null : await this.ports.pages.buildPdf(m.name, [...before.map(storedOf), ...pages]);
      const pdf = this.env.db.transaction(() => {
        this.must('editChecklist', this.row(r.id));
        const now = this.repo.pages(m.id);
        // pages saved meanwhile (another batch) are not in the PDF just built: it waits for ensurePdf
        const pdf = built && samePages(now, before) ? built : null;
        pages.forEach((p, i) => this.repo.insertPage(pageRow(p, m.id, now.length + i + 1, input.source, staff.id, this.at())));
        const state = this.repo.material(r.id, m.id)!.state;
        this.repo.updateMaterial(m.id, { pdf_sha256: pdf, ...(state === 'pending' || state === 'missing' ? { state: 'present' as const } : {}) });
        const blank = pages.filter((p) => p.blank).length;
        this.record(r, staff, 'pages_added', t('application.event.pagesAdded', { material: m.name, n: pages.length, blankNote: blank ? t('application.event.blankNote', { blank }) : '' }), {
          materialId: m.id, pages: pages.map((p) => p.sha256), pdf,
        });
        return pdf;
      }).immediate();
      if (built && !pdf) await this.ensurePdf(r.id, m.id, staff.id);
    }
    return { application: this.detail(r.id), refused };
  }

  private readonly building = new Map<string, Promise<string | null>>();

  /**
   * The material's PDF, built from its pages now if it is missing (a scan batch still saving, or
   * cut short by a crash). Null when the material has no pages. One build per material at a time;
   * the PDF is recorded only if the pages did not change while it was built (else built again).
   */
  ensurePdf(applicationId: string, materialId: string, staffId: string | null): Promise<string | null> {
    const running = this.building.get(materialId);
    if (running) return running;
    const job = this.buildMissingPdf(applicationId, materialId, staffId).finally(() => this.building.delete(materialId));
    this.building.set(materialId, job);
    return job;
  }

  private async buildMissingPdf(applicationId: string, materialId: string, staffId: string | null): Promise<string | null> {
    for (;;) {
      const r = await this.buildPdfOnce(applicationId, materialId, staffId);
      if (!r || r.recorded) return r?.sha256 ?? null;
    }
  }

  /**
   * The PDF of the material's pages as they are now (the recorded one if there is one). Recorded
   * only if no page changed while it was built; else it is still the PDF of the pages recorded
   * when it began (`recorded: false`).
   */
  private async buildPdfOnce(applicationId: string, materialId: string, staffId: string | null): Promise<{ sha256: string; recorded: boolean } | null> {
    const r = this.row(applicationId);
    const m = this.repo.material(applicationId, materialId);
    if (!m) throw new AppError('NOT_FOUND');
    if (m.pdf_sha256) return { sha256: m.pdf_sha256, recorded: true };
    const pages = this.repo.pages(m.id);
    if (pages.length === 0) return null;
    const built = await this.ports.pages.buildPdf(m.name, pages.map(storedOf));
    return this.env.db.transaction(() => {
      const now = this.repo.material(applicationId, materialId)!;
      if (now.pdf_sha256) return { sha256: now.pdf_sha256, recorded: true };
      if (!samePages(this.repo.pages(m.id), pages)) return { sha256: built, recorded: false };
      this.repo.updateMaterial(m.id, { pdf_sha256: built });
      // not a step of the clerk's (no history event); the centre gets the PDF it names
      recordChange(this.env, { entity: 'application', entityId: r.id, action: 'material_pdf', staffId, payload: { id: r.id, caseNo: r.case_no, materialId: m.id, pages: pages.map((p) => p.sha256), pdf: built } });
      return { sha256: built, recorded: true };
    }).immediate();
  }

  /** Every material with pages but no PDF (a batch cut short by a crash): their PDFs built, one by one. */
  async finishPdfs(): Promise<number> {
    const open = this.env.db
      .prepare('SELECT m.application_id, m.id FROM application_materials m WHERE m.pdf_sha256 IS NULL AND EXISTS (SELECT 1 FROM material_pages p WHERE p.material_id = m.id)')
      .all() as { application_id: string; id: string }[];
    for (const m of open) await this.ensurePdf(m.application_id, m.id, null);
    return open.length;
  }

  /**
   * The material's PDF; NOT_FOUND for a material without pages. One that is missing is built first
   * (and recorded); while a scan batch is still saving, it is the PDF of the pages saved so far.
   */
  async materialPdf(applicationId: string, materialId: string): Promise<{ name: string; caseNo: string; bytes: Uint8Array }> {
    const r = this.row(applicationId);
    const m = this.repo.material(r.id, materialId);
    if (!m) throw new AppError('NOT_FOUND');
    const pdf = m.pdf_sha256 ?? (await this.buildPdfOnce(r.id, m.id, null))?.sha256;
    if (!pdf) throw new AppError('NOT_FOUND');
    return { name: m.name, caseNo: r.case_no, bytes: await this.ports.blobs.get(pdf) };
  }

  async pageOp(input: { applicationId: string; materialId: string; pageId: string; op: 'rotate_left' | 'rotate_right' | 'move_up' | 'move_down' | 'delete' }, staff: Staff): Promise<ApplicationDetail> {
    // a scan batch may save pages while the page is turned: then the step is done again on the new list
    while (!(await this.tryPageOp(input, staff)));
    return this.detail(input.applicationId);
  }

  private async tryPageOp(input: Parameters<ApplicationService['pageOp']>[0], staff: Staff): Promise<boolean> {
    const r = this.row(input.applicationId);
    this.must('editChecklist', r);
    const m = this.repo.material(r.id, input.materialId);
    if (!m) throw new AppError('NOT_FOUND');
    const rows = this.repo.pages(m.id);
    const k = rows.findIndex((p) => p.id === input.pageId);
    if (k < 0) throw new AppError('NOT_FOUND');
    let next = [...rows];
    if (input.op === 'delete') next.splice(k, 1);
    else if (input.op === 'move_up' || input.op === 'move_down') {
      const j = input.op === 'move_up' ? k - 1 : k + 1;
      if (j >= 0 && j < next.length) [next[k], next[j]] = [next[j]!, next[k]!];
    } else {
      const turned = await this.ports.pages.rotate(storedOf(rows[k]!), input.op === 'rotate_left' ? -90 : 90);
      next[k] = { ...rows[k]!, ...pageRow(turned, m.id, rows[k]!.position, rows[k]!.source, rows[k]!.added_by, rows[k]!.added_at), id: rows[k]!.id };
    }
    next = next.map((p, i) => ({ ...p, position: i + 1 }));
    const pdf = next.length ? await this.ports.pages.buildPdf(m.name, next.map(storedOf)) : null;
    return this.env.db.transaction(() => {
      this.must('editChecklist', this.row(r.id));
      if (!samePages(this.repo.pages(m.id), rows)) return false;
      this.repo.replacePages(m.id, next);
      this.repo.updateMaterial(m.id, { pdf_sha256: pdf });
      this.record(r, staff, 'pages_changed', t(`application.event.page.${input.op}` as MessageKey, { material: m.name, n: k + 1 }), { materialId: m.id, pages: next.map((p) => p.sha256), pdf });
      return true;
    }).immediate();
  }

  /** 受理 / 容缺受理 / 补正 / 不予受理, and its document. */
  async decide(input: { id: string; decision: Decision; reason: string; deferredDue?: string }, staff: Staff, ctx: DocumentContext): Promise<ApplicationDetail> {
    const r = this.row(input.id);
    this.must('decide', r);
    const materials = this.repo.materials(r.id);
    const problem = decisionProblem(input.decision, materials.map((m) => ({ name: m.name, required: m.required === 1, deferrable: m.may_defer === 1, state: m.state })));
    if (problem?.code === 'MATERIALS_INCOMPLETE') throw new AppError('MATERIALS_INCOMPLETE', { names: problem.names.join('、') });
    if (problem) throw new AppError('VALIDATION', undefined, [{ path: 'decision', message: t(problem.key, { names: problem.names.join('、') }) }]);

    const today = this.today();
    const cal = this.calendar.calendar();
    const accepted = input.decision === 'accept' || input.decision === 'accept_deferred';
    const deferredDue = input.decision === 'accept_deferred' ? (input.deferredDue ?? cal.addWorkingDays(today, DEFERRED_DAYS)) : null;
    if (deferredDue && deferredDue < today) throw new AppError('DUE_BEFORE_TODAY');
    const change = {
      state: stateAfter(input.decision), decision: input.decision, reason: input.reason,
      clock_started_on: accepted ? today : null,
      due_date: accepted ? cal.addWorkingDays(today, r.promised_days) : null,
    };
    // the document shows the application as it will be
    const after = this.detail(r.id);
    const preview: ApplicationDetail = {
      ...after, state: change.state, decision: change.decision, reason: change.reason, dueDate: change.due_date,
      deadline: { ...after.deadline, startedOn: change.clock_started_on, dueDate: change.due_date },
      materials: after.materials.map((m) => (deferredDue && m.state === 'missing' ? { ...m, dueDate: deferredDue } : m)),
    };
    const kinds: DocumentKind[] = accepted ? ['acceptance', 'acceptance_thermal'] : input.decision === 'correction' ? ['correction'] : ['refusal'];
    const docs = await this.issue(kinds, preview, ctx);
    this.env.db.transaction(() => {
      this.must('decide', this.row(r.id));
      this.repo.update(r.id, change, this.at());
      if (deferredDue) for (const m of materials) if (m.state === 'missing') this.repo.updateMaterial(m.id, { due_date: deferredDue });
      const open = materials.filter((m) => m.state === 'missing' || m.state === 'defective').map((m) => m.name).join('、');
      const summary = t(`application.event.decided.${input.decision}` as MessageKey, {
        due: change.due_date ? formatChineseDate(change.due_date) : '', deferred: deferredDue ? formatChineseDate(deferredDue) : '', names: open, reason: input.reason,
      });
      this.record(r, staff, 'decided', summary, { change, deferredDue });
      this.recordDocuments(r, staff, docs);
    }).immediate();
    return this.detail(r.id);
  }

  /** 补正: the supplement came; the checklist opens again for what was missing or wrong. */
  supplement(id: string, staff: Staff): ApplicationDetail {
    this.env.db.transaction(() => {
      const r = this.row(id);
      this.must('supplement', r);
      const open = this.repo.materials(id).filter((m) => m.state === 'missing' || m.state === 'defective');
      for (const m of open) this.repo.updateMaterial(m.id, { state: 'pending', defect: '' });
      this.repo.update(id, { state: 'receiving', decision: null }, this.at());
      this.record(r, staff, 'supplement_received', t('application.event.supplement', { names: open.map((m) => m.name).join('、') }));
    }).immediate();
    return this.detail(id);
  }

  /** 转办: to the item's department, with the 材料交接单 for the paper originals. */
  async route(id: string, staff: Staff, ctx: DocumentContext): Promise<ApplicationDetail> {
    const r = this.row(id);
    this.must('route', r);
    // the department gets every material's PDF: one a scan batch left unbuilt is built first
    for (const m of this.repo.materials(id)) if (!m.pdf_sha256) await this.ensurePdf(id, m.id, staff.id);
    const after = this.detail(id);
    const handed = after.materials.filter((m) => m.state === 'present');
    const preview: ApplicationDetail = { ...after, state: 'routed', materials: after.materials.map((m) => (m.state === 'present' ? { ...m, handedOverTo: r.department } : m)) };
    const docs = await this.issue(['handover'], preview, ctx);
    this.env.db.transaction(() => {
      this.must('route', this.row(id));
      this.repo.update(id, { state: 'routed' }, this.at());
      for (const m of handed) this.repo.updateMaterial(m.id, { handed_over_to: r.department });
      // the department needs nothing else: the snapshot, and the PDFs it names (uploaded before this step)
      const snapshot = routedSnapshot(this.env.db, this.repo, this.row(id));
      const pdfs = snapshot.materials.flatMap((m) => (m.pdfSha256 ? [m.pdfSha256] : []));
      this.record(r, staff, 'routed', t('application.event.routed', { department: r.department, n: handed.length }), { department: r.department, snapshot, pdfs });
      this.recordDocuments(r, staff, docs);
    }).immediate();
    return this.detail(id);
  }

  /** 延期: the due date moves by working days, with the reason on record. */
  extend(input: { id: string; days: number; reason: string }, staff: Staff): ApplicationDetail {
    this.env.db.transaction(() => {
      const r = this.row(input.id);
      this.must('extend', r);
      const due = this.calendar.calendar().addWorkingDays(r.due_date ?? this.today(), input.days);
      this.repo.insertExtension({ id: newId(), application_id: r.id, days: input.days, reason: input.reason, staff_id: staff.id, at: this.at() });
      this.repo.update(r.id, { due_date: due }, this.at());
      this.record(r, staff, 'extended', t('application.event.extended', { days: input.days, due: formatChineseDate(due), reason: input.reason }), { dueDate: due, days: input.days, reason: input.reason });
    }).immediate();
    return this.detail(input.id);
  }

  /** 结果送达: how, when, to whom; the delivery record is printed. */
  async deliver(input: { id: string; method: 'window' | 'post' | 'electronic'; recipient: string; address: string; result: string; note: string }, staff: Staff, ctx: DocumentContext): Promise<ApplicationDetail> {
    const r = this.row(input.id);
    this.must('deliver', r);
    const at = this.at();
    const after = this.detail(r.id);
    const preview: ApplicationDetail = { ...after, state: 'delivered', delivery: { method: input.method, deliveredAt: at, recipient: input.recipient, address: input.address, result: input.result, note: input.note, staffName: staff.displayName } };
    const docs = await this.issue(['delivery'], preview, ctx);
    this.env.db.transaction(() => {
      this.must('deliver', this.row(r.id));
      this.repo.insertDelivery({ application_id: r.id, method: input.method, delivered_at: at, recipient: input.recipient, address: input.address, result: input.result, note: input.note, staff_id: staff.id });
      this.repo.update(r.id, { state: 'delivered' }, at);
      this.record(r, staff, 'delivered', t('application.event.delivered', { method: t(`application.delivery.${input.method}` as MessageKey), recipient: input.recipient }), { delivery: input });
      this.recordDocuments(r, staff, docs);
    }).immediate();
    return this.detail(r.id);
  }

  /** 进度查询 by the query code: what the company may know, no more. */
  progress(queryCode: string) {
    const r = this.repo.byQueryCode(queryCode);
    if (!r) throw new AppError('NOT_FOUND');
    return {
      caseNo: r.case_no, state: r.state, enterpriseName: r.enterprise_name, itemName: r.item_name, department: r.department, dueDate: r.due_date,
      // with the department's decisions that came back (审核通过, 公示, 已兑现 …)
      timeline: backOfficeAtCounter(this.env.db, r.id, this.repo.events(r.id).map((e) => ({ ...e, staffName: e.staff_name }))).events
        .filter((e) => PUBLIC_EVENTS.has(e.kind)).map((e) => ({ at: e.at, summary: e.summary })),
    };
  }

  // ---- documents --------------------------------------------------------------------------------

  private async issue(kinds: DocumentKind[], app: ApplicationDetail, ctx: DocumentContext): Promise<{ kind: DocumentKind; sha256: string }[]> {
    const out: { kind: DocumentKind; sha256: string }[] = [];
    for (const kind of kinds) out.push({ kind, sha256: await this.ports.blobs.put(await this.ports.documents.render(kind, app, ctx)) });
    return out;
  }

  private recordDocuments(r: ApplicationRow, staff: Staff, docs: { kind: DocumentKind; sha256: string }[]): void {
    for (const d of docs) {
      const id = newId();
      this.repo.insertDocument({ id, application_id: r.id, kind: d.kind, sha256: d.sha256, staff_id: staff.id, created_at: this.at() });
      this.record(r, staff, 'document_issued', t('application.event.documentIssued', { doc: t(`application.doc.${d.kind}` as MessageKey) }), { documentId: id, kind: d.kind, sha256: d.sha256 });
    }
  }

  async documentBytes(documentId: string): Promise<{ kind: DocumentKind; caseNo: string; bytes: Uint8Array }> {
    const d = this.repo.document(documentId);
    if (!d) throw new AppError('NOT_FOUND');
    return { kind: d.kind, caseNo: this.row(d.application_id).case_no, bytes: await this.ports.blobs.get(d.sha256) };
  }

  /** Prints an issued document; a failure is recorded on it (it stays for reprint) and rethrown. */
  async print(documentId: string, printer: string | undefined, staff: Staff): Promise<ApplicationDetail> {
    const d = this.repo.document(documentId);
    if (!d) throw new AppError('NOT_FOUND');
    const r = this.row(d.application_id);
    const bytes = await this.ports.blobs.get(d.sha256);
    const docName = t(`application.doc.${d.kind}` as MessageKey);
    try {
      const job = await this.ports.printer.print(bytes, { kind: d.kind, title: `${docName} ${r.case_no}`, printer });
      this.env.db.transaction(() => {
        this.repo.markPrinted(d.id, job.printer, this.at(), null);
        this.record(r, staff, 'printed', t('application.event.printed', { doc: docName, printer: job.printer }), { documentId: d.id, printer: job.printer, jobId: job.jobId });
      }).immediate();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.env.db.transaction(() => {
        this.repo.markPrinted(d.id, printer ?? '', null, message);
        this.record(r, staff, 'print_failed', t('application.event.printFailed', { doc: docName, reason: message }), { documentId: d.id });
      }).immediate();
      throw e;
    }
    return this.detail(r.id);
  }
}

const PUBLIC_EVENTS = new Set<string>(['created', 'decided', 'supplement_received', 'routed', 'extended', 'delivered', ...BACK_OFFICE_DECISIONS]);

const storedOf = (p: PageRow): StoredPage => ({
  kind: p.kind, sha256: p.sha256, bytes: p.bytes, width: p.width, height: p.height, rotation: p.rotation, blank: p.blank === 1, ink: p.ink,
});

/** The same pages in the same order, each as it was (a turn makes a new blob). */
const samePages = (a: readonly PageRow[], b: readonly PageRow[]) =>
  a.length === b.length && a.every((p, i) => p.id === b[i]!.id && p.sha256 === b[i]!.sha256 && p.rotation === b[i]!.rotation);

const pageRow = (p: StoredPage, materialId: string, position: number, source: string, staffId: string, at: string): PageRow => ({
  id: newId(), material_id: materialId, position, kind: p.kind, sha256: p.sha256, bytes: p.bytes, width: p.width, height: p.height,
  rotation: p.rotation, blank: p.blank ? 1 : 0, ink: p.ink, source, added_by: staffId, added_at: at,
});

