import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '@shared/api/errors';
import type { Consultation, ConsultationFields } from '@shared/consultations/schemas';

export type Fields = z.output<typeof ConsultationFields>;

interface Row {
  id: string; channel: Consultation['channel']; day: string; status: string; uscc: string; enterprise_name: string;
  contact_name: string; contact_phone: string; caller_number: string; question: string; category: Consultation['category'];
  policies_referred: string; answer: string; result: Consultation['result']; complexity: Consultation['complexity'];
  due_date: string | null; transfer_to: string; minutes_spent: number; started_at: string | null; ended_at: string | null;
  duration_seconds: number | null; created_at: string; created_by: string; updated_at: string;
  creator_name: string; ticket_id: string | null; ticket_no: string | null;
}

const SELECT = `
  SELECT c.*, s.display_name AS creator_name, t.id AS ticket_id, t.ticket_no AS ticket_no
  FROM consultations c
  JOIN staff s ON s.id = c.created_by
  LEFT JOIN tickets t ON t.consultation_id = c.id`;

const toConsultation = (r: Row, policyLinks: Consultation['policyLinks']): Consultation => ({
  id: r.id, channel: r.channel, uscc: r.uscc, enterpriseName: r.enterprise_name, contactName: r.contact_name,
  contactPhone: r.contact_phone, callerNumber: r.caller_number, question: r.question, category: r.category,
  policiesReferred: r.policies_referred, policyLinks, answer: r.answer, result: r.result, complexity: r.complexity,
  dueDate: r.due_date, transferTo: r.transfer_to, minutesSpent: r.minutes_spent, startedAt: r.started_at,
  endedAt: r.ended_at, durationSeconds: r.duration_seconds, ticketId: r.ticket_id, ticketNo: r.ticket_no,
  createdAt: r.created_at, createdBy: { id: r.created_by, displayName: r.creator_name }, updatedAt: r.updated_at, day: r.day,
});

export interface RowMeta {
  status: 'in_call' | 'done';
  createdBy: string;
  day: string;
}

export class ConsultationRepo {
  constructor(private readonly db: Database.Database) {}

  private links(id: string): Consultation['policyLinks'] {
    return this.db
      .prepare(
        `SELECT l.policy_id AS policyId, l.item_id AS itemId, p.title, p.doc_no AS docNo, i.name AS itemName
         FROM consultation_policies l JOIN policies p ON p.id = l.policy_id LEFT JOIN policy_items i ON i.id = l.item_id
         WHERE l.consultation_id = ? ORDER BY l.position`,
      )
      .all(id) as Consultation['policyLinks'];
  }

  private toConsultation(r: Row): Consultation {
    return toConsultation(r, this.links(r.id));
  }

  /** Replaces the policies a consultation links to; unknown policies or items are refused. */
  writeLinks(id: string, links: Fields['policyLinks']): void {
    this.db.prepare('DELETE FROM consultation_policies WHERE consultation_id = ?').run(id);
    const insert = this.db.prepare('INSERT INTO consultation_policies (consultation_id, policy_id, item_id, position) VALUES (?, ?, ?, ?)');
    const itemOf = this.db.prepare('SELECT policy_id FROM policy_items WHERE id = ?');
    links.forEach((l, i) => {
      if (!this.db.prepare('SELECT 1 FROM policies WHERE id = ?').get(l.policyId)) throw new AppError('NOT_FOUND');
      if (l.itemId && (itemOf.get(l.itemId) as { policy_id: string } | undefined)?.policy_id !== l.policyId) throw new AppError('NOT_FOUND');
      insert.run(id, l.policyId, l.itemId, i);
    });
  }

  get(id: string): (Consultation & { status: string }) | undefined {
    const r = this.db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
    return r && { ...this.toConsultation(r), status: r.status };
  }

  /** One day's records, newest first, optionally filtered by a plain-text query (LIKE, escaped). */
  listDay(day: string, query: string, channel?: string): Consultation[] {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `${SELECT} WHERE c.day = ? AND c.status = 'done' AND (? IS NULL OR c.channel = ?)
           AND (? = '' OR c.enterprise_name LIKE ? ESCAPE '\\' OR c.uscc LIKE ? ESCAPE '\\' OR c.contact_name LIKE ? ESCAPE '\\'
                OR c.contact_phone LIKE ? ESCAPE '\\' OR c.caller_number LIKE ? ESCAPE '\\' OR c.question LIKE ? ESCAPE '\\'
                OR c.answer LIKE ? ESCAPE '\\' OR c.policies_referred LIKE ? ESCAPE '\\' OR t.ticket_no LIKE ? ESCAPE '\\')
         ORDER BY c.created_at DESC LIMIT 500`,
      )
      .all(day, channel ?? null, channel ?? null, query, like, like, like, like, like, like, like, like, like) as Row[];
    return rows.map((r) => this.toConsultation(r));
  }

  byCallerNumber(callerNumber: string, excludeId?: string): Consultation[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE c.caller_number = ? AND c.status = 'done' AND c.id <> ? ORDER BY c.created_at DESC LIMIT 50`)
      .all(callerNumber, excludeId ?? '') as Row[];
    return rows.map((r) => this.toConsultation(r));
  }

  /** the staff member's latest call that was picked up and not yet ended */
  openCallOf(staffId: string): { id: string; startedAt: string } | undefined {
    return this.db
      .prepare(`SELECT id, started_at AS startedAt FROM consultations WHERE created_by = ? AND status = 'in_call' ORDER BY started_at DESC LIMIT 1`)
      .get(staffId) as { id: string; startedAt: string } | undefined;
  }

  insertStarted(id: string, channel: Consultation['channel'], meta: RowMeta, at: string, startedAt: string | null): void {
    this.db
      .prepare(
        `INSERT INTO consultations (id, channel, day, status, started_at, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, channel, meta.day, meta.status, startedAt, at, meta.createdBy, at, meta.createdBy);
  }

  writeFields(id: string, f: Fields, dueDate: string | null, staffId: string, at: string, extra: { callerNumber?: string; endedAt?: string; durationSeconds?: number } = {}): void {
    this.db
      .prepare(
        `UPDATE consultations SET status = 'done', uscc = ?, enterprise_name = ?, contact_name = ?, contact_phone = ?,
           question = ?, category = ?, policies_referred = ?, answer = ?, result = ?, complexity = ?, due_date = ?,
           transfer_to = ?, minutes_spent = ?, caller_number = coalesce(?, caller_number), ended_at = coalesce(?, ended_at),
           duration_seconds = coalesce(?, duration_seconds), updated_at = ?, updated_by = ?
         WHERE id = ?`,
      )
      .run(
        f.uscc, f.enterpriseName, f.contactName, f.contactPhone, f.question, f.category, f.policiesReferred, f.answer,
        f.result, f.result === 'answered' ? null : (f.complexity ?? null), dueDate, f.transferTo, f.minutesSpent,
        extra.callerNumber ?? null, extra.endedAt ?? null, extra.durationSeconds ?? null, at, staffId, id,
      );
  }
}
