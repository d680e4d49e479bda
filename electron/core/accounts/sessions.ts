import { randomBytes } from 'node:crypto';
import type { StaffSummary } from '@shared/accounts/schemas';

interface SessionEntry {
  staffId: string;
  lastUsed: number;
}

/** Idle sessions end after this; the screen lock on inactivity comes with the hardening work. */
const IDLE_LIMIT_MS = 8 * 3600 * 1000;

/** In-memory sign-in sessions: a restart of the workstation signs everyone out. */
export class Sessions {
  private readonly entries = new Map<string, SessionEntry>();
  constructor(private readonly now: () => Date) {}

  open(staff: StaffSummary): string {
    const id = randomBytes(24).toString('base64url');
    this.entries.set(id, { staffId: staff.id, lastUsed: this.now().getTime() });
    return id;
  }

  /** The staff id for a live session, touching it; null if unknown or idle too long. */
  resolve(id: string | null): string | null {
    if (!id) return null;
    const e = this.entries.get(id);
    if (!e) return null;
    const t = this.now().getTime();
    if (t - e.lastUsed > IDLE_LIMIT_MS) {
      this.entries.delete(id);
      return null;
    }
    e.lastUsed = t;
    return e.staffId;
  }

  close(id: string): void {
    this.entries.delete(id);
  }

  closeAllOf(staffId: string): void {
    for (const [id, e] of this.entries) if (e.staffId === staffId) this.entries.delete(id);
  }
}
