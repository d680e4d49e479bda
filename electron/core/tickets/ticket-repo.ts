import type Database from 'better-sqlite3';
import type { Ticket } from '@shared/hotline/schemas';
import type { WorkingDayCalendar } from '@shared/calendar/working-days';

interface TicketRow {
  id: string; ticket_no: string; consultation_id: string; owner_id: string; owner_name: string; due_date: string;
  status: Ticket['status']; created_at: string; closed_at: string | null; channel: Ticket['channel'];
  caller_number: string; contact_phone: string; enterprise_name: string; question: string; complexity: Ticket['complexity'];
}
interface EventRow {
  id: string; kind: Ticket['events'][number]['kind']; at: string; staff_id: string; staff_name: string;
  outcome: Ticket['events'][number]['outcome']; note: string;
}

const SELECT = `
  SELECT t.*, s.display_name AS owner_name, c.channel, c.caller_number, c.contact_phone, c.enterprise_name, c.question, c.complexity
  FROM tickets t JOIN staff s ON s.id = t.owner_id JOIN consultations c ON c.id = t.consultation_id`;

/** 已超期 after the due date; 即将到期 when due today or on the next working day. */
export function dueStateOf(status: Ticket['status'], dueDate: string, today: string, cal: WorkingDayCalendar): Ticket['dueState'] {
  if (status === 'closed') return 'closed';
  if (today > dueDate) return 'overdue';
  if (dueDate <= cal.addWorkingDays(today, 1)) return 'due_soon';
  return 'on_time';
}

export class TicketRepo {
  constructor(private readonly db: Database.Database) {}

  private events(ticketId: string): Ticket['events'] {
    const rows = this.db
      .prepare('SELECT e.*, s.display_name AS staff_name FROM ticket_events e JOIN staff s ON s.id = e.staff_id WHERE ticket_id = ? ORDER BY e.at, e.rowid')
      .all(ticketId) as EventRow[];
    return rows.map((e) => ({ id: e.id, kind: e.kind, at: e.at, staff: { id: e.staff_id, displayName: e.staff_name }, outcome: e.outcome, note: e.note }));
  }

  private toTicket(r: TicketRow, today: string, cal: WorkingDayCalendar): Ticket {
    return {
      id: r.id, ticketNo: r.ticket_no, consultationId: r.consultation_id, channel: r.channel,
      phone: r.caller_number || r.contact_phone, enterpriseName: r.enterprise_name, question: r.question,
      complexity: r.complexity, dueDate: r.due_date, status: r.status, dueState: dueStateOf(r.status, r.due_date, today, cal),
      owner: { id: r.owner_id, displayName: r.owner_name }, createdAt: r.created_at, closedAt: r.closed_at,
      events: this.events(r.id),
    };
  }

  get(id: string, today: string, cal: WorkingDayCalendar): Ticket | undefined {
    const r = this.db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TicketRow | undefined;
    return r && this.toTicket(r, today, cal);
  }

  byConsultation(consultationId: string): { id: string; status: string } | undefined {
    return this.db.prepare('SELECT id, status FROM tickets WHERE consultation_id = ?').get(consultationId) as { id: string; status: string } | undefined;
  }

  /** Open first, most urgent first. ownerId null = everyone's (managers). */
  list(ownerId: string | null, includeClosed: boolean, today: string, cal: WorkingDayCalendar): Ticket[] {
    const rows = this.db
      .prepare(
        `${SELECT} WHERE (? IS NULL OR t.owner_id = ?) AND (? = 1 OR t.status = 'open')
         ORDER BY t.status = 'closed', t.due_date, t.created_at LIMIT 500`,
      )
      .all(ownerId, ownerId, includeClosed ? 1 : 0) as TicketRow[];
    return rows.map((r) => this.toTicket(r, today, cal));
  }

  /** 工单号 GD-YYYYMMDD-<device>-NNN: readable on the phone, unique across workstations. */
  nextTicketNo(day: string, deviceId: string): string {
    const prefix = `GD-${day.replaceAll('-', '')}-${deviceId.replaceAll('-', '').slice(-4).toUpperCase()}-`;
    const n = (this.db.prepare('SELECT count(*) AS n FROM tickets WHERE ticket_no LIKE ? || \'%\'').get(prefix) as { n: number }).n;
    return `${prefix}${String(n + 1).padStart(3, '0')}`;
  }

  insert(t: { id: string; ticketNo: string; consultationId: string; ownerId: string; dueDate: string; at: string }): void {
    this.db
      .prepare(`INSERT INTO tickets (id, ticket_no, consultation_id, owner_id, due_date, status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)`)
      .run(t.id, t.ticketNo, t.consultationId, t.ownerId, t.dueDate, t.at);
  }

  setDueDate(id: string, dueDate: string): void {
    this.db.prepare('UPDATE tickets SET due_date = ? WHERE id = ?').run(dueDate, id);
  }

  close(id: string, at: string): void {
    this.db.prepare(`UPDATE tickets SET status = 'closed', closed_at = ? WHERE id = ?`).run(at, id);
  }

  addEvent(e: { id: string; ticketId: string; kind: string; at: string; staffId: string; outcome: string | null; note: string }): void {
    this.db
      .prepare('INSERT INTO ticket_events (id, ticket_id, kind, at, staff_id, outcome, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.id, e.ticketId, e.kind, e.at, e.staffId, e.outcome, e.note);
  }
}
