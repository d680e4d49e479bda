import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ApplicationState, ApplicationSummary, Decision, DocumentKind, MaterialState } from '@shared/applications/schemas';

// SQL for applications, their materials, pages, documents and history. No rules here: the
// service (application-service.ts) decides, inside its transactions.

export interface ApplicationRow {
  id: string; case_no: string; query_code: string; state: ApplicationState; uscc: string; enterprise_name: string;
  item_id: string; policy_id: string; item_name: string; department: string; promised_days: number;
  contact_name: string; contact_phone: string; decision: Decision | null; reason: string;
  clock_started_on: string | null; due_date: string | null; clerk_id: string; clerk_name: string; created_at: string; updated_at: string;
}
export interface MaterialRow {
  id: string; application_id: string; position: number; name: string; form: 'original' | 'copy'; copies: number;
  required: number; may_defer: number; state: MaterialState; defect: string; due_date: string | null;
  pdf_sha256: string | null; handed_over_to: string | null;
}
export interface PageRow {
  id: string; material_id: string; position: number; kind: 'image' | 'pdf'; sha256: string; bytes: number;
  width: number | null; height: number | null; rotation: number; blank: number; ink: number | null; source: string;
  added_by: string; added_at: string;
}
export interface DocumentRow {
  id: string; application_id: string; kind: DocumentKind; sha256: string; staff_id: string; staff_name: string;
  created_at: string; printed_at: string | null; printer: string | null; print_error: string | null;
}

/** 查询码: 8 characters without the look-alikes 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export class ApplicationRepo {
  constructor(private readonly db: Database.Database) {}

  /** 办件编号: SL-YYYYMMDD-<device>-NNN, numbered per device and day. */
  nextCaseNo(day: string, deviceId: string): string {
    const prefix = `SL-${day.replaceAll('-', '')}-${deviceId.replaceAll('-', '').slice(-4).toUpperCase()}-`;
    const n = this.db.prepare("SELECT count(*) FROM applications WHERE case_no LIKE ? || '%'").pluck().get(prefix) as number;
    return `${prefix}${String(n + 1).padStart(3, '0')}`;
  }

  newQueryCode(): string {
    for (;;) {
      const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
      if (!this.db.prepare('SELECT 1 FROM applications WHERE query_code = ?').get(code)) return code;
    }
  }

  insert(a: Omit<ApplicationRow, 'clerk_name' | 'decision' | 'reason' | 'clock_started_on' | 'due_date' | 'updated_at'>): void {
    this.db
      .prepare(
        `INSERT INTO applications (id, case_no, query_code, state, uscc, enterprise_name, item_id, policy_id, item_name, department,
           promised_days, contact_name, contact_phone, clerk_id, created_at, updated_at)
         VALUES (@id, @case_no, @query_code, @state, @uscc, @enterprise_name, @item_id, @policy_id, @item_name, @department,
           @promised_days, @contact_name, @contact_phone, @clerk_id, @created_at, @created_at)`,
      )
      .run(a);
  }

  insertMaterial(m: Omit<MaterialRow, 'state' | 'defect' | 'due_date' | 'pdf_sha256' | 'handed_over_to'>): void {
    this.db
      .prepare(
        `INSERT INTO application_materials (id, application_id, position, name, form, copies, required, may_defer, state)
         VALUES (@id, @application_id, @position, @name, @form, @copies, @required, @may_defer, 'pending')`,
      )
      .run(m);
  }

  get(id: string): ApplicationRow | undefined {
    return this.db
      .prepare('SELECT a.*, s.display_name AS clerk_name FROM applications a JOIN staff s ON s.id = a.clerk_id WHERE a.id = ?')
      .get(id) as ApplicationRow | undefined;
  }

  byQueryCode(code: string): ApplicationRow | undefined {
    const id = this.db.prepare('SELECT id FROM applications WHERE query_code = ?').pluck().get(code) as string | undefined;
    return id ? this.get(id) : undefined;
  }

  list(states: readonly ApplicationState[], query: string, limit: number): ApplicationSummary[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (states.length) {
      where.push(`a.state IN (${states.map(() => '?').join(', ')})`);
      params.push(...states);
    }
    if (query) {
      where.push("(a.case_no LIKE '%' || ? || '%' OR a.enterprise_name LIKE '%' || ? || '%' OR a.uscc LIKE ? || '%' OR a.query_code = upper(?))");
      params.push(query, query, query.toUpperCase(), query);
    }
    const rows = this.db
      .prepare(
        `SELECT a.*, s.display_name AS clerk_name FROM applications a JOIN staff s ON s.id = a.clerk_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.created_at DESC LIMIT ?`,
      )
      .all(...params, limit) as ApplicationRow[];
    return rows.map(toSummary);
  }

  update(id: string, fields: Partial<Pick<ApplicationRow, 'state' | 'decision' | 'reason' | 'clock_started_on' | 'due_date'>>, at: string): void {
    const keys = Object.keys(fields);
    this.db.prepare(`UPDATE applications SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @at WHERE id = @id`).run({ ...fields, id, at });
  }

  materials(applicationId: string): MaterialRow[] {
    return this.db.prepare('SELECT * FROM application_materials WHERE application_id = ? ORDER BY position').all(applicationId) as MaterialRow[];
  }

  material(applicationId: string, materialId: string): MaterialRow | undefined {
    return this.db.prepare('SELECT * FROM application_materials WHERE id = ? AND application_id = ?').get(materialId, applicationId) as MaterialRow | undefined;
  }

  updateMaterial(id: string, fields: Partial<Pick<MaterialRow, 'state' | 'defect' | 'due_date' | 'pdf_sha256' | 'handed_over_to'>>): void {
    const keys = Object.keys(fields);
    this.db.prepare(`UPDATE application_materials SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...fields, id });
  }

  pages(materialId: string): PageRow[] {
    return this.db.prepare('SELECT * FROM material_pages WHERE material_id = ? ORDER BY position').all(materialId) as PageRow[];
  }

  insertPage(p: PageRow): void {
    this.db
      .prepare(
        `INSERT INTO material_pages (id, material_id, position, kind, sha256, bytes, width, height, rotation, blank, ink, source, added_by, added_at)
         VALUES (@id, @material_id, @position, @kind, @sha256, @bytes, @width, @height, @rotation, @blank, @ink, @source, @added_by, @added_at)`,
      )
      .run(p);
  }

  /** Replaces a material's page list (after a rotate, move or delete). */
  replacePages(materialId: string, pages: readonly PageRow[]): void {
    this.db.prepare('DELETE FROM material_pages WHERE material_id = ?').run(materialId);
    pages.forEach((p, i) => this.insertPage({ ...p, position: i + 1 }));
  }

  documents(applicationId: string): DocumentRow[] {
    return this.db
      .prepare('SELECT d.*, s.display_name AS staff_name FROM issued_documents d JOIN staff s ON s.id = d.staff_id WHERE d.application_id = ? ORDER BY d.created_at, d.rowid')
      .all(applicationId) as DocumentRow[];
  }

  document(id: string): DocumentRow | undefined {
    return this.db.prepare('SELECT d.*, s.display_name AS staff_name FROM issued_documents d JOIN staff s ON s.id = d.staff_id WHERE d.id = ?').get(id) as DocumentRow | undefined;
  }

  insertDocument(d: Omit<DocumentRow, 'staff_name' | 'printed_at' | 'printer' | 'print_error'>): void {
    this.db
      .prepare('INSERT INTO issued_documents (id, application_id, kind, sha256, staff_id, created_at) VALUES (@id, @application_id, @kind, @sha256, @staff_id, @created_at)')
      .run(d);
  }

  markPrinted(id: string, printer: string, at: string | null, error: string | null): void {
    if (at) this.db.prepare('UPDATE issued_documents SET printed_at = ?, printer = ?, print_error = NULL WHERE id = ?').run(at, printer, id);
    else this.db.prepare('UPDATE issued_documents SET printer = ?, print_error = ? WHERE id = ?').run(printer, error, id);
  }

  addEvent(e: { id: string; application_id: string; kind: string; at: string; staff_id: string; summary: string }): void {
    this.db.prepare('INSERT INTO application_events (id, application_id, kind, at, staff_id, summary) VALUES (@id, @application_id, @kind, @at, @staff_id, @summary)').run(e);
  }

  events(applicationId: string): { id: string; kind: string; at: string; staff_name: string; summary: string }[] {
    return this.db
      .prepare('SELECT e.id, e.kind, e.at, s.display_name AS staff_name, e.summary FROM application_events e JOIN staff s ON s.id = e.staff_id WHERE e.application_id = ? ORDER BY e.at, e.rowid')
      .all(applicationId) as { id: string; kind: string; at: string; staff_name: string; summary: string }[];
  }

  extensions(applicationId: string): { days: number; reason: string; at: string; staff_name: string }[] {
    return this.db
      .prepare('SELECT x.days, x.reason, x.at, s.display_name AS staff_name FROM deadline_extensions x JOIN staff s ON s.id = x.staff_id WHERE application_id = ? ORDER BY at')
      .all(applicationId) as { days: number; reason: string; at: string; staff_name: string }[];
  }

  insertExtension(x: { id: string; application_id: string; days: number; reason: string; staff_id: string; at: string }): void {
    this.db.prepare('INSERT INTO deadline_extensions (id, application_id, days, reason, staff_id, at) VALUES (@id, @application_id, @days, @reason, @staff_id, @at)').run(x);
  }

  delivery(applicationId: string) {
    return this.db
      .prepare('SELECT d.*, s.display_name AS staff_name FROM deliveries d JOIN staff s ON s.id = d.staff_id WHERE application_id = ?')
      .get(applicationId) as
      | { method: 'window' | 'post' | 'electronic'; delivered_at: string; recipient: string; address: string; result: string; note: string; staff_name: string }
      | undefined;
  }

  insertDelivery(d: { application_id: string; method: string; delivered_at: string; recipient: string; address: string; result: string; note: string; staff_id: string }): void {
    this.db
      .prepare(
        `INSERT INTO deliveries (application_id, method, delivered_at, recipient, address, result, note, staff_id)
         VALUES (@application_id, @method, @delivered_at, @recipient, @address, @result, @note, @staff_id)`,
      )
      .run(d);
  }
}

export const toSummary = (r: ApplicationRow): ApplicationSummary => ({
  id: r.id, caseNo: r.case_no, queryCode: r.query_code, state: r.state, uscc: r.uscc, enterpriseName: r.enterprise_name,
  itemName: r.item_name, department: r.department, createdAt: r.created_at, dueDate: r.due_date, clerkName: r.clerk_name,
});
