import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { isMessageKey, t, type MessageKey } from '@shared/i18n';
import { MAX_PULL_PAGE, Mutation, type MutationResult } from '@shared/sync/protocol';
import type { RejectedMutation, SyncStatus } from '@shared/sync/api-schemas';
import { BlobStore } from '../materials';
import { applyChanges } from './apply-changes';
import { fetchMissingBlobs } from '../backoffice/blob-fetch';
import { backoffDelay } from './backoff';
import { tusSender, type SendBlob } from './blob-sender';
import { CentreClient, CentreError } from './centre-client';
import { blobsOfMutation } from './mutation-blobs';
import { describeRejected } from './rejected';
import { SyncStore, type LastError, type OutboxRow } from './sync-store';

// The workstation's side of sync (docs/sync-protocol.md). One round: push the outbox (blobs first,
// batches in seq order), then pull the centre's feed page by page. Rounds run one at a time: in the
// background every 30 s while enrolled, soon after a local write, after failures with backoff; or
// when the person presses "sync now". Nothing here ever blocks the counter's own work.

export const PUSH_BATCH = 200;
export const PULL_PAGE = 1000;
export const INTERVAL_MS = 30_000;
/** how often the loop looks for new outbox entries (one indexed query) */
export const WRITE_CHECK_MS = 2_000;
/** how soon after a local write the round starts */
const AFTER_WRITE_MS = 1_000;

export interface SyncEngineOptions {
  db: Database.Database;
  /** this workstation's id (meta device_id) */
  deviceId: string;
  dataDir: string;
  now: () => Date;
  log: (message: string, error?: unknown) => void;
  /** sends one blob (default: tus, blob-sender.ts) */
  sendBlob?: SendBlob;
  /** after a pull page wrote reference data: the entities written (policy, enterprise, staff, calendar) */
  onChanged?: (entities: ReadonlySet<string>) => void;
  intervalMs?: number;
  writeCheckMs?: number;
  pushBatch?: number;
  pullPage?: number;
  random?: () => number;
  /** the first wait after a failed round (default BACKOFF_BASE_MS, 2 s; tests shorten it) */
  backoffBaseMs?: number;
  /** the tus sender's waits between attempts within a round (default blob-sender.ts's; tests shorten them) */
  uploadRetryDelaysMs?: readonly number[];
}

type RoundResult = 'ok' | 'retry' | 'paused' | 'idle';

/** A failure of the round, as the status shows it, and what the loop does next. */
class RoundFailure extends Error {
  constructor(readonly error: LastError, readonly next: 'retry' | 'pause' | 'stop', readonly offline = false) {
    super(error.detail);
  }
}

export class SyncEngine {
  private readonly store: SyncStore;
  private readonly blobs: BlobStore;
  private readonly sendBlob: SendBlob;
  private readonly abort = new AbortController();
  /** rounds run one after another: each waits for the one before */
  private queue: Promise<unknown> = Promise.resolve();
  /** rounds running or waiting their turn */
  private pending = 0;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Infinity;
  private watcher: NodeJS.Timeout | null = null;
  private started = false;
  private closed = false;
  private failures = 0;
  /** a 4xx on a whole request: no background rounds until "sync now" or a new enrolment */
  private paused = false;
  /** reached the centre on the last try (null: not tried since start) */
  private online: boolean | null = null;
  private seenSeq = 0;
  private progress: SyncStatus['upload'] = null;
  /** blobs the centre is known to have (this run) */
  private readonly atCentre = new Set<string>();

  constructor(private readonly opts: SyncEngineOptions) {
    this.store = new SyncStore(opts.db);
    this.blobs = BlobStore.inDataDir(opts.dataDir);
    this.sendBlob = opts.sendBlob ?? tusSender(opts.db, opts.now, opts.uploadRetryDelaysMs);
  }

  /** Starts the background loop (idempotent). */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.seenSeq = this.store.lastSeq();
    this.schedule(AFTER_WRITE_MS);
    this.watcher = setInterval(() => this.checkWrites(), this.opts.writeCheckMs ?? WRITE_CHECK_MS);
    this.watcher.unref();
  }

  /** Stops the loop and whatever is in flight; the database stays as the last finished step left it. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watcher) clearInterval(this.watcher);
    this.abort.abort();
    await this.queue;
  }

  status(): SyncStatus {
    const s = this.store.state();
    const { waiting, rejected } = this.store.counts();
    const last = this.store.lastError();
    const enrolled = Boolean(s.centre_url && s.device_secret);
    const offline = this.online === false || (this.online === null && last?.key === 'sync.error.offline');
    return {
      state: !enrolled ? 'not_enrolled' : s.stopped ? 'stopped' : offline ? 'offline' : 'online',
      syncing: this.pending > 0,
      centreUrl: s.centre_url,
      centreName: s.centre_name,
      waiting,
      rejected,
      lastSuccessAt: s.last_success_at,
      lastError: last ? { code: last.key, message: messageOf(last), at: last.at } : null,
      upload: this.progress,
    };
  }

  rejected(): RejectedMutation[] {
    return this.store.rejected().map(describeRejected);
  }

  /** Registers this workstation with the centre by an administrator's one-time code. */
  async enrol(input: { centreUrl: string; code: string; deviceName: string }): Promise<SyncStatus> {
    const centreUrl = input.centreUrl.replace(/\/+$/, '');
    const client = new CentreClient({ baseUrl: centreUrl, signal: this.abort.signal });
    let res;
    try {
      res = await client.enrol({ code: input.code, deviceName: input.deviceName, deviceId: this.opts.deviceId });
    } catch (e) {
      if (!(e instanceof CentreError)) throw e;
      this.opts.log(`sync: enrolment at ${centreUrl} failed`, e);
      if (e.kind === 'revoked' || e.kind === 'refused' || e.kind === 'too_large') {
        const key = `sync.enrol.${e.code ?? ''}`;
        throw new AppError('ENROL_REFUSED', { reason: isMessageKey(key) ? t(key) : [e.status, e.code].filter(Boolean).join(' ') || e.detail });
      }
      throw new AppError('CENTRE_UNREACHABLE', { url: centreUrl, reason: e.kind === 'network' ? e.detail.replace(/^[A-Z]+ \S+: /, '') : `${e.status ?? ''} ${e.code ?? ''}`.trim() });
    }
    await this.queue;
    if (this.closed) throw new AppError('DB_UNAVAILABLE');
    this.store.enrolled({
      centreUrl, centreName: res.centreName, deviceId: res.deviceId, deviceName: input.deviceName, secret: res.secret, departments: res.departments, at: this.at(),
    });
    this.opts.log(`sync: enrolled at ${centreUrl} as device ${res.deviceId}`);
    this.online = true;
    this.paused = false;
    this.failures = 0;
    this.atCentre.clear();
    if (this.started) this.schedule(0);
    return this.status();
  }

  /** One round now (after the one under way, if any); answers the status after it. */
  async syncNow(): Promise<SyncStatus> {
    this.paused = false;
    const result = await this.runRound(true);
    this.after(result);
    return this.status();
  }

  /**
   * For 日结: rounds until nothing waits (only refused records may stay), or until a round fails or
   * moves nothing more (records whose blobs the centre still lacks). Answers the status after the last.
   */
  async pushAndPullAll(maxRounds = 5): Promise<SyncStatus> {
    let before = Infinity;
    for (let i = 0; ; i++) {
      const s = await this.syncNow();
      const failed = s.lastError !== null && s.lastError.code !== 'sync.error.blobsMissing';
      if (failed || s.waiting === 0 || s.waiting >= before || i + 1 >= maxRounds) return s;
      before = s.waiting;
    }
  }

  /** Where the centre is and this device's credential; null when not enrolled. */
  centreAccess(): { url: string; credential: string; centreName: string; deviceName: string } | null {
    const s = this.store.state();
    if (!s.centre_url || !s.device_id || !s.device_secret) return null;
    return { url: s.centre_url, credential: `${s.device_id}.${s.device_secret}`, centreName: s.centre_name, deviceName: s.device_name };
  }

  /** Aborted when the engine closes. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  // ---- the loop ---------------------------------------------------------------------------------

  private schedule(ms: number): void {
    if (this.closed || !this.started) return;
    const due = Date.now() + ms;
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDue = Infinity;
      void this.tick();
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.after(await this.runRound(false));
  }

  /** The next background round: the interval after a success, a backoff after a failure, none while paused. */
  private after(result: RoundResult): void {
    if (this.closed) return;
    if (result === 'retry') this.schedule(backoffDelay(this.failures, this.opts.random, this.opts.backoffBaseMs));
    else if (result !== 'paused') this.schedule(this.opts.intervalMs ?? INTERVAL_MS);
  }

  /** A local write shows as a new outbox seq: a round soon (not sooner than a backoff allows). */
  private checkWrites(): void {
    if (this.closed) return;
    try {
      const seq = this.store.lastSeq();
      if (seq === this.seenSeq) return;
      this.seenSeq = seq;
      if (this.failures === 0 && !this.paused) this.schedule(AFTER_WRITE_MS);
    } catch (e) {
      this.opts.log('sync: checking the outbox failed', e);
    }
  }

  private runRound(byPerson: boolean): Promise<RoundResult> {
    this.pending++;
    const round = this.queue.then(() => this.round(byPerson)).finally(() => this.pending--);
    this.queue = round.catch(() => undefined);
    return round;
  }

  private async round(byPerson: boolean): Promise<RoundResult> {
    if (this.closed) return 'idle';
    const s = this.store.state();
    if (!s.centre_url || !s.device_id || !s.device_secret) return 'idle';
    if (s.stopped && !byPerson) return 'paused';
    if (this.paused && !byPerson) return 'paused';
    const client = new CentreClient({ baseUrl: s.centre_url, credential: `${s.device_id}.${s.device_secret}`, signal: this.abort.signal });
    try {
      const { blobsMissing } = await this.push(client);
      await this.pull(client, s.pull_cursor);
      await fetchMissingBlobs({ db: this.opts.db, blobs: this.blobs, client, log: this.opts.log, signal: this.abort.signal });
      if (this.closed) return 'idle';
      this.online = true;
      this.failures = 0;
      this.store.succeeded(this.at());
      if (blobsMissing > 0) {
        this.store.failed({ key: 'sync.error.blobsMissing', params: { n: blobsMissing }, detail: `${blobsMissing} mutation(s) still name blobs the centre lacks` }, this.at());
      }
      return 'ok';
    } catch (e) {
      if (this.closed) return 'idle';
      const f = roundFailure(e);
      this.online = !f.offline;
      this.failures++;
      this.store.failed(f.error, this.at(), f.next === 'stop');
      this.opts.log(`sync: round failed (${f.error.key}): ${f.error.detail}`);
      if (f.next === 'retry') return 'retry';
      this.paused = true;
      return 'paused';
    } finally {
      this.progress = null;
    }
  }

  // ---- push -------------------------------------------------------------------------------------

  private async push(client: CentreClient): Promise<{ blobsMissing: number }> {
    let after = 0;
    let batch = this.opts.pushBatch ?? PUSH_BATCH;
    let blobsMissing = 0;
    for (;;) {
      if (this.closed) throw new CentreError('aborted', 'closing');
      const rows = this.store.waiting(after, batch);
      if (rows.length === 0) return { blobsMissing };
      const last = rows[rows.length - 1]!.seq;
      const mutations = this.toMutations(rows);
      const sendable = await this.sendBlobs(client, mutations);
      if (sendable.length === 0) {
        after = last;
        continue;
      }
      let results: MutationResult[];
      try {
        results = (await client.push({ mutations: sendable })).results;
      } catch (e) {
        if (!(e instanceof CentreError) || e.kind !== 'too_large') throw e;
        if (sendable.length > 1) {
          batch = Math.max(1, Math.floor(sendable.length / 2));
          continue;
        }
        this.rejectLocally([{ id: sendable[0]!.id, code: 'local:TOO_LARGE', message: `${e.status} ${e.detail}` }]);
        after = last;
        continue;
      }
      const missing = this.record(results);
      if (missing.size > 0) {
        // the centre lacks blobs it was thought to have (or lost them): send them, then those mutations again
        for (const sha of new Set([...missing.values()].flat())) this.atCentre.delete(sha);
        const again = await this.sendBlobs(client, sendable.filter((m) => missing.has(m.id)), true);
        if (again.length > 0) blobsMissing += this.record((await client.push({ mutations: again })).results).size;
      }
      after = last;
    }
  }

  /** Outbox rows as protocol mutations; a row that cannot be one is refused here, never sent. */
  private toMutations(rows: OutboxRow[]): Mutation[] {
    const out: Mutation[] = [];
    const bad: { id: string; code: string; message: string }[] = [];
    for (const r of rows) {
      let payload: unknown;
      try {
        payload = JSON.parse(r.payload);
      } catch {
        bad.push({ id: r.id, code: 'local:INVALID', message: 'payload is not JSON' });
        continue;
      }
      const m = Mutation.safeParse({
        id: r.id, seq: r.seq, entity: r.entity, entityId: r.entity_id, op: r.op, payload,
        staffId: r.staff_id, createdAt: r.created_at, blobs: blobsOfMutation(r.entity, payload),
      });
      if (m.success) out.push(m.data);
      else bad.push({ id: r.id, code: 'local:INVALID', message: m.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ').slice(0, 500) });
    }
    this.rejectLocally(bad);
    return out;
  }

  /**
   * Uploads the blobs these mutations name that the centre lacks; answers the mutations that can go
   * now. A blob neither at the centre nor on this PC can never go: its mutations are refused here.
   */
  private async sendBlobs(client: CentreClient, mutations: Mutation[], force = false): Promise<Mutation[]> {
    const needed = [...new Set(mutations.flatMap((m) => m.blobs))].filter((sha) => !this.atCentre.has(sha));
    // blobs that can never go: missing here, unreadable, or refused by the centre (code → detail)
    const lost = new Map<string, string>();
    /** why the centre refused a blob (status, code, detail): the person sees it, not only the log */
    const why = new Map<string, string>();
    const toSend: { sha: string; path: string }[] = [];
    for (const sha of needed) {
      // a blob here goes to the uploader, which asks the centre first where that saves bytes
      const path = this.blobs.pathOf(sha);
      if (fs.existsSync(path)) toSend.push({ sha, path });
      else if (!force && (await client.hasBlob(sha))) this.atCentre.add(sha);
      else lost.set(sha, 'local:BLOB_LOST');
    }
    for (const [i, b] of toSend.entries()) {
      this.progress = { sent: 0, total: fs.statSync(b.path).size, file: i + 1, files: toSend.length };
      const r = await this.sendBlob({
        centreUrl: client.baseUrl, credential: client.credential!, sha256: b.sha, filePath: b.path, signal: this.abort.signal,
        onProgress: (sent, total) => {
          this.progress = { sent, total, file: i + 1, files: toSend.length };
        },
      });
      switch (r.kind) {
        case 'sent': this.atCentre.add(b.sha); break;
        case 'aborted': throw new CentreError('aborted', 'closing');
        case 'revoked': throw new CentreError('revoked', `blob upload: ${r.detail}`, 401);
        case 'unreachable': throw new CentreError('network', `blob upload: ${r.detail}`);
        case 'unavailable': throw new UploadFailure(r.detail);
        case 'garbled': throw new UploadFailure(r.detail, 'sync.error.blobGarbled');
        case 'unreadable': lost.set(b.sha, 'local:BLOB_LOST'); this.opts.log(`sync: blob ${b.sha} cannot be read: ${r.detail}`); break;
        case 'refused': lost.set(b.sha, 'local:BLOB_REFUSED'); why.set(b.sha, r.detail); this.opts.log(`sync: the centre refused blob ${b.sha}: ${r.detail}`); break;
        case 'damaged': lost.set(b.sha, 'local:BLOB_DAMAGED'); this.opts.log(`sync: blob ${b.sha} is damaged on this PC (its bytes no longer match its name): ${r.detail}`); break;
      }
    }
    this.progress = null;
    const goes = mutations.filter((m) => !m.blobs.some((sha) => lost.has(sha)));
    if (lost.size > 0) {
      this.rejectLocally(
        mutations.filter((m) => !goes.includes(m)).map((m) => {
          const shas = m.blobs.filter((sha) => lost.has(sha));
          const reason = why.get(shas[0]!);
          return { id: m.id, code: lost.get(shas[0]!)!, message: reason ? `${reason} (${shas.join(' ')})` : shas.join(' ') };
        }),
      );
    }
    return goes;
  }

  /** The centre's answers, in one transaction. Answers the mutations waiting for blobs (id → blobs). */
  private record(results: MutationResult[]): Map<string, string[]> {
    const at = this.at();
    const missing = new Map<string, string[]>();
    this.opts.db.transaction(() => {
      this.store.markPushed(results.filter((r) => r.status === 'applied' || r.status === 'duplicate').map((r) => r.id), at);
      this.store.markRejected(results.flatMap((r) => (r.status === 'rejected' ? [{ id: r.id, code: r.code, message: r.message }] : [])), at);
    }).immediate();
    for (const r of results) if (r.status === 'missing_blobs') missing.set(r.id, r.blobs);
    const refused = results.filter((r) => r.status === 'rejected');
    if (refused.length > 0) this.opts.log(`sync: the centre refused ${refused.length} mutation(s): ${refused.map((r) => `${r.id} ${r.code}`).join(', ')}`);
    return missing;
  }

  private rejectLocally(rejects: { id: string; code: string; message: string }[]): void {
    if (rejects.length === 0) return;
    this.opts.db.transaction(() => this.store.markRejected(rejects, this.at())).immediate();
    this.opts.log(`sync: ${rejects.length} outbox entr(ies) cannot be sent: ${rejects.map((r) => `${r.id} ${r.code}`).join(', ')}`);
  }

  // ---- pull -------------------------------------------------------------------------------------

  private async pull(client: CentreClient, from: number): Promise<void> {
    let cursor = from;
    const limit = Math.min(this.opts.pullPage ?? PULL_PAGE, MAX_PULL_PAGE);
    let next = client.changes(cursor, limit);
    for (;;) {
      if (this.closed) throw new CentreError('aborted', 'closing');
      const page = await next;
      if (this.closed) throw new CentreError('aborted', 'closing');
      if (page.cursor < cursor) throw new CentreError('bad_answer', `cursor went back from ${cursor} to ${page.cursor}`);
      // the centre reads the next page while this one is applied (a first pull is a long run of pages);
      // a failure of that request surfaces when it is awaited, or not at all if this page fails first
      if (page.more && page.changes.length > 0) {
        next = client.changes(page.cursor, limit);
        next.catch(() => undefined);
      }
      const at = this.at();
      const outcome = this.opts.db
        .transaction(() => {
          const o = applyChanges({ db: this.opts.db, at, log: this.opts.log, deviceId: this.opts.deviceId }, page.changes);
          this.store.setCursor(page.cursor);
          return o;
        })
        .immediate();
      if (outcome.entities.size > 0) this.opts.onChanged?.(outcome.entities);
      cursor = page.cursor;
      if (!page.more || page.changes.length === 0) return;
    }
  }

  private at(): string {
    return this.opts.now().toISOString();
  }
}

class UploadFailure extends Error {
  constructor(detail: string, readonly key: 'sync.error.blobUpload' | 'sync.error.blobGarbled' = 'sync.error.blobUpload') {
    super(detail);
  }
}

function roundFailure(e: unknown): RoundFailure {
  if (e instanceof CentreError) {
    const detail = e.message;
    switch (e.kind) {
      case 'network':
      case 'aborted':
        return new RoundFailure({ key: 'sync.error.offline', params: {}, detail }, 'retry', true);
      case 'server':
        return new RoundFailure({ key: 'sync.error.server', params: { status: e.status ?? '' }, detail }, 'retry');
      case 'bad_answer':
        return new RoundFailure({ key: 'sync.error.badAnswer', params: {}, detail }, 'retry');
      case 'revoked':
        return new RoundFailure({ key: 'sync.error.revoked', params: {}, detail }, 'stop');
      case 'too_large':
      case 'refused':
        return new RoundFailure({ key: 'sync.error.refused', params: { status: e.status ?? '', code: e.code ?? '' }, detail }, 'pause');
    }
  }
  if (e instanceof UploadFailure) {
    return new RoundFailure({ key: e.key, params: { reason: e.message.slice(0, 120) }, detail: `blob upload: ${e.message}` }, 'retry');
  }
  const message = e instanceof Error ? e.message : String(e);
  return new RoundFailure({ key: 'sync.error.internal', params: { reason: message.slice(0, 120) }, detail: e instanceof Error ? (e.stack ?? message) : message }, 'retry');
}

function messageOf(e: LastError): string {
  return isMessageKey(e.key) ? t(e.key as MessageKey, e.params) : e.key;
}
