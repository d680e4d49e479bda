import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { StaffSummary } from '@shared/accounts/schemas';
import { AppError } from '@shared/api/errors';
import { isMessageKey, t } from '@shared/i18n';
import { canonicalJson } from '@shared/sync/canonical-json';
import { chinaDayRange, tallyText } from '@shared/sync/day-close';
import type { DayCloseRequest, DayCloseResponse } from '@shared/sync/protocol';
import { DayCloseView } from '@shared/sync/api-schemas';
import { printerFor } from '@shared/print/settings';
import { chinaDate } from '@shared/time/china-time';
import { printSettings } from '../applications/print-port';
import { renderDayReport } from '../documents/day-report';
import { newId } from '../ids';
import type { SystemPrinter } from '../print';
import { BlobStore } from '../materials';
import { CentreClient, CentreError } from './centre-client';
import { describeRejected } from './rejected';
import type { SyncEngine } from './sync-engine';
import { SyncStore, type RejectedRow } from './sync-store';

// 日结 (docs/sync-protocol.md): push everything, pull everything, then this device's records of
// the China day — each with the SHA-256 of its canonical payload, as the centre hashes it on
// arrival — counted and hashed per entity and compared at the centre (POST /v1/day-close). The
// comparison and its 日结报表 PDF (blob folder) are kept in `day_closes`, in one transaction.

export interface DayCloserDeps {
  db: Database.Database;
  engine: SyncEngine;
  dataDir: string;
  resourcesDir: string;
  now: () => Date;
  /** this workstation's centre (meta centre_name), printed at the top of the report */
  localCentreName: () => string;
  /** this PC's printers (CUPS, or the Electron host's print path) */
  printer: SystemPrinter;
  log: (message: string, error?: unknown) => void;
}

type DayCloseRequestBody = z.input<typeof DayCloseRequest>;

interface DayRow {
  seq: number; id: string; entity: string; entity_id: string; op: string; payload: string; staff_id: string | null; created_at: string;
  rejected_at: string | null; reject_code: string | null; reject_message: string | null; staff_name: string | null;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The record hash both sides compute: SHA-256 of canonicalJson(payload). */
export function recordHash(payloadJson: string): string {
  let payload: unknown;
  try {
    payload = JSON.parse(payloadJson);
  } catch {
    return sha256(payloadJson); // never sent (refused here): it differs anyway
  }
  return sha256(canonicalJson(payload));
}

const entityLabel = (entity: string) => {
  const key = `sync.entity.${entity}`;
  return isMessageKey(key) ? t(key) : t('sync.entity.other', { entity });
};

export class DayCloser {
  private readonly store: SyncStore;
  private readonly blobs: BlobStore;

  constructor(private readonly deps: DayCloserDeps) {
    this.store = new SyncStore(deps.db);
    this.blobs = BlobStore.inDataDir(deps.dataDir);
  }

  async run(input: { day?: string }, staff: StaffSummary): Promise<DayCloseView> {
    const day = input.day ?? chinaDate(this.deps.now());
    const access = this.deps.engine.centreAccess();
    if (!access) throw new AppError('SYNC_NOT_ENROLLED');

    const status = await this.deps.engine.pushAndPullAll();
    if (status.state === 'offline') throw new AppError('DAY_CLOSE_OFFLINE', { url: access.url });
    if (status.lastError && status.lastError.code !== 'sync.error.blobsMissing') throw new AppError('DAY_CLOSE_FAILED', { reason: status.lastError.message });

    const rows = this.dayRows(day);
    const records = rows.map((r) => ({ id: r.id, entity: r.entity, hash: recordHash(r.payload) }));
    const entities = [...new Set(records.map((r) => r.entity))].sort();
    const tallies = entities.map((entity) => {
      const mine = records.filter((r) => r.entity === entity);
      return { entity, count: mine.length, hash: sha256(tallyText(mine)) };
    });
    const answer = await this.post(access, { day, tallies, records });

    const byId = new Map(rows.map((r) => [r.id, r]));
    const describe = (kind: DayCloseView['differences'][number]['kind']) => (id: string) => {
      const r = byId.get(id);
      return {
        id, kind,
        entityLabel: r ? entityLabel(r.entity) : t('sync.dayClose.onlyAtCentre'),
        createdAt: r?.created_at ?? null,
        caseNo: r ? this.caseNo(r.entity, r.entity_id) : null,
      };
    };
    const view: DayCloseView = {
      id: newId(),
      day,
      ranAt: this.deps.now().toISOString(),
      ranBy: staff.displayName,
      centreName: access.centreName,
      deviceName: access.deviceName,
      matched: answer.matched,
      tallies: answer.tallies.map((x) => ({
        entity: x.entity, entityLabel: entityLabel(x.entity), device: x.device.count, centre: x.centre.count,
        same: x.device.count === x.centre.count && x.device.hash === x.centre.hash,
      })),
      differences: [
        ...answer.missingAtCentre.map(describe('missingAtCentre')),
        ...answer.different.map(describe('different')),
        ...answer.unknownToDevice.map(describe('unknownToDevice')),
      ],
      rejected: rows.filter((r) => r.rejected_at).map((r) => describeRejected(r as RejectedRow)),
    };

    const pdf = await renderDayReport(this.deps.resourcesDir, { ...view, localCentreName: this.deps.localCentreName() });
    const sha = await this.blobs.put(pdf);
    this.deps.db
      .prepare('INSERT INTO day_closes (id, day, ran_at, staff_id, matched, result, report_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(view.id, day, view.ranAt, staff.id, view.matched ? 1 : 0, JSON.stringify(view), sha);
    this.deps.log(`sync: 日结 ${day}: ${view.matched ? 'matched' : `not matched (${view.differences.length} record(s) differ)`}`);
    return view;
  }

  /** The latest 日结 run (of any day), or null. */
  last(): DayCloseView | null {
    const row = this.deps.db.prepare('SELECT result FROM day_closes ORDER BY ran_at DESC, rowid DESC LIMIT 1').pluck().get() as string | undefined;
    return row ? DayCloseView.parse(JSON.parse(row)) : null;
  }

  /** The 日结报表 of a run, as kept. */
  async report(id: string): Promise<{ fileName: string; mimeType: string; base64: string }> {
    const row = this.deps.db.prepare('SELECT day, report_sha256 FROM day_closes WHERE id = ?').get(id) as { day: string; report_sha256: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    const bytes = await this.blobs.get(row.report_sha256);
    return { fileName: `${t('doc.dayReport.title')}-${row.day}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }

  /**
   * Prints a run's 日结报表 on the printer picked (A4), else as 打印设置 says for it (its own line,
   * 日结报表: A4 on this PC's default printer unless set otherwise).
   */
  async print(id: string, printer: string | undefined): Promise<{ printer: string; jobId: string | null }> {
    const row = this.deps.db.prepare('SELECT day, result, report_sha256 FROM day_closes WHERE id = ?').get(id) as { day: string; result: string; report_sha256: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    const available = await this.deps.printer.printers();
    if (printer && !available.some((p) => p.name === printer)) throw new AppError('PRINTER_NOT_FOUND', { printer });
    const target = printer ? { printer, paper: 'A4' as const, copies: 1 } : printerFor('day-report', printSettings(this.deps.db), available);
    const { deviceName } = JSON.parse(row.result) as { deviceName: string };
    const pdf = await this.blobs.get(row.report_sha256);
    const done = await this.deps.printer.print({ pdf, printer: target.printer, paper: target.paper, copies: target.copies, title: `${t('doc.dayReport.title')} ${row.day} ${deviceName}` });
    return { printer: done.printer, jobId: done.jobId };
  }

  /** The outbox entries of the China day (by their createdAt), refused ones included. */
  private dayRows(day: string): DayRow[] {
    const { from, to } = chinaDayRange(day);
    const start = Date.parse(from);
    const end = Date.parse(to);
    // a day either side in SQL (created_at is text), then exactly by the instant
    const wide = this.store.madeBetween(new Date(start - 86_400_000).toISOString(), new Date(end + 86_400_000).toISOString()) as DayRow[];
    return wide.filter((r) => {
      const at = Date.parse(r.created_at);
      return at >= start && at < end;
    });
  }

  private caseNo(entity: string, entityId: string): string | null {
    const sql = entity === 'application' ? 'SELECT case_no FROM applications WHERE id = ?' : entity === 'ticket' ? 'SELECT ticket_no FROM tickets WHERE id = ?' : null;
    return sql ? ((this.deps.db.prepare(sql).pluck().get(entityId) as string | undefined) ?? null) : null;
  }

  private async post(access: { url: string; credential: string }, body: DayCloseRequestBody): Promise<DayCloseResponse> {
    const client = new CentreClient({ baseUrl: access.url, credential: access.credential, signal: this.deps.engine.signal });
    try {
      return await client.dayClose(body);
    } catch (e) {
      if (!(e instanceof CentreError)) throw e;
      this.deps.log('sync: 日结 failed at the centre', e);
      if (e.kind === 'network' || e.kind === 'aborted') throw new AppError('DAY_CLOSE_OFFLINE', { url: access.url });
      const reason = e.kind === 'revoked' ? t('sync.error.revoked') : e.kind === 'bad_answer' ? t('sync.error.badAnswer') : t('sync.dayClose.refused', { status: e.status ?? 0, code: e.code ?? '' });
      throw new AppError('DAY_CLOSE_FAILED', { reason });
    }
  }
}
