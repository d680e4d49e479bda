import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import type { ScanJobView, ScannerView } from '@shared/scan/api-schemas';
import { t } from '@shared/i18n';
import { newId } from '../ids';
import { listDevices, scanBatch, watchHotFolder, type HotFolder, type SaneSetup, type ScannedPage, type ScanResult, type SourceKind, type ColourMode } from '../scan';
import type { ApplicationService } from './application-service';
import { SaveQueue } from './save-queue';

// The counter's scanning desk: scan jobs into a material (the renderer polls their progress), and
// the hot folder, armed for one material at a time. Pages are attached through the application
// service like any file, so the same processing, blob folder and history apply. A scan job saves
// its pages while the feeder runs (save-queue.ts): the material shows them as they come, and a
// scanner lost or a cancel keeps every page saved. The material's PDF is left out of those saves
// (pdf_sha256 null meanwhile) and built once when the last save is done; see docs/scanning.md.

/** Page files read into one save at most (PNM: 8.7 MB for a grey A4 page at 300 dpi). */
const MAX_SAVE_BYTES = 128 * 1024 * 1024;

type Staff = { id: string; displayName: string };

interface Job {
  view: ScanJobView;
  abort: AbortController;
  queue?: SaveQueue<ScannedPage>;
}

export interface ScanDeskOptions {
  sane?: SaneSetup;
  /** the copier's scan-to-folder; none: no hot folder on this PC */
  hotFolder?: string;
  /** milliseconds a hot-folder file must stay unchanged (default 2000) */
  hotFolderStabilityMs?: number;
  log: (message: string, error?: unknown) => void;
}

export class ScanDesk {
  private readonly jobs = new Map<string, Job>();
  private hot: HotFolder | null = null;
  private hotProblem: string | null = null;
  private armed: { applicationId: string; materialId: string; materialName: string; staff: Staff } | null = null;
  private taken = 0;
  private closing = false;

  constructor(private readonly service: ApplicationService, private readonly opts: ScanDeskOptions) {}

  async devices(): Promise<ScannerView[]> {
    const list = await listDevices({ sane: this.opts.sane });
    return list.map((d) => {
      const c = d.capabilities;
      const res = c?.resolutions;
      return {
        name: d.name,
        label: [d.vendor, d.model].filter(Boolean).join(' ') || d.name,
        resolutions: !res ? [] : res.kind === 'list' ? res.values : [75, 100, 150, 200, 300, 600].filter((v) => v >= res.min && v <= res.max),
        defaultResolution: c?.defaultResolution ?? null,
        modes: c ? c.modes.map((m) => m.mode) : [],
        sources: c ? c.sources.map((s) => s.kind) : [],
        problem: d.error ? d.error.message : null,
      };
    });
  }

  start(input: { applicationId: string; materialId: string; device: string; resolution: number; mode: ColourMode; source: SourceKind; count?: number }, staff: Staff): ScanJobView {
    const jobId = newId();
    const job: Job = { view: { jobId, state: 'scanning', pagesScanned: 0, pagesSaved: 0, error: null }, abort: new AbortController() };
    this.jobs.set(jobId, job);
    void this.run(job, input, staff);
    return { ...job.view };
  }

  private async run(job: Job, input: Parameters<ScanDesk['start']>[0], staff: Staff): Promise<void> {
    const { applicationId, materialId } = input;
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-scan-'));
    // each whole page is queued and saved while the feeder runs; the material's PDF is built once, at the end
    const queue = (job.queue = new SaveQueue<ScannedPage>(async (pages) => {
      try {
        const files = await Promise.all(pages.map(async (p) => ({ name: t('application.scanPageName', { n: p.page }), bytes: await fs.readFile(p.path), dpi: p.resolution ?? input.resolution })));
        const saved = await this.service.addPages({ applicationId, materialId, files, source: 'scanner' }, staff, { pdf: 'later' });
        job.view.pagesSaved += files.length - saved.refused.length;
      } catch (e) {
        // pages that cannot be saved (the application was decided meanwhile, a full disk): stop the scanner
        job.abort.abort();
        throw e;
      }
      await Promise.all(pages.map((p) => fs.rm(p.path, { force: true })));
    }, MAX_SAVE_BYTES));
    let result: ScanResult | null = null;
    let scanError: unknown = null;
    try {
      result = await scanBatch({
        // PNM: no decode cost when the page is processed (PNG costs ~150 ms a page)
        device: input.device, outDir, resolution: input.resolution, format: 'pnm', mode: input.mode, source: input.source, count: input.count,
        sane: this.opts.sane, signal: job.abort.signal,
        onPage: (p) => {
          job.view.pagesScanned++;
          queue.push(p);
        },
        // an empty feeder ends the stack, unless the clerk asked for more pages (and refilled it)
        onFeederEmpty: ({ pagesSoFar }) => input.count !== undefined && pagesSoFar < input.count,
      });
    } catch (e) {
      scanError = e;
    }
    try {
      if (result) job.view.pagesScanned = result.pages.length;
      job.view.state = 'saving';
      await queue.drained();
      if (job.view.pagesScanned > 0 && !this.closing) await this.service.ensurePdf(applicationId, materialId, staff.id);
    } catch (e) {
      scanError ??= e;
    } finally {
      await fs.rm(outDir, { recursive: true, force: true }).catch((e: unknown) => this.opts.log('scan: removing the page files failed', e));
    }
    // what went wrong first says most: a save that failed, then the scanner, then the PDF
    const error = queue.error ?? result?.error ?? scanError;
    if (error) {
      job.view.error = (error instanceof AppError ? error : new AppError('SCAN_FAILED', { reason: String(error) })).toData();
      job.view.state = 'failed';
    } else {
      job.view.state = result?.endedBy === 'cancelled' ? 'cancelled' : 'done';
    }
  }

  status(jobId: string): ScanJobView {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND');
    return { ...job.view };
  }

  cancel(jobId: string): ScanJobView {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('NOT_FOUND');
    job.abort.abort();
    return { ...job.view };
  }

  /** Waits for every running job (tests, and closing the core). */
  async settle(): Promise<void> {
    for (let i = 0; i < 600 && [...this.jobs.values()].some((j) => j.view.state === 'scanning' || j.view.state === 'saving'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // ---- hot folder ---------------------------------------------------------------------------------

  hotFolderView() {
    const a = this.armed;
    return {
      folder: this.opts.hotFolder ?? '', watching: this.hot !== null, taken: this.taken, problem: this.hotProblem,
      armedFor: a ? { applicationId: a.applicationId, materialId: a.materialId, materialName: a.materialName } : null,
    };
  }

  /** Files the copier drops go to this material from now on (null: nowhere; they wait in the folder). */
  async arm(target: { applicationId: string; materialId: string } | null, staff: Staff) {
    if (!this.opts.hotFolder) throw new AppError('NOT_FOUND');
    if (!target) {
      this.armed = null;
      await this.hot?.close();
      this.hot = null;
      return this.hotFolderView();
    }
    const m = this.service.detail(target.applicationId).materials.find((x) => x.id === target.materialId);
    if (!m) throw new AppError('NOT_FOUND');
    this.armed = { ...target, materialName: m.name, staff };
    this.taken = 0;
    if (!this.hot) {
      this.hotProblem = null;
      // watching starts when armed, so a file dropped while nobody is scanning waits for the clerk
      this.hot = await watchHotFolder({
        folder: this.opts.hotFolder,
        stabilityMs: this.opts.hotFolderStabilityMs,
        onFile: async (f) => {
          const a = this.armed;
          if (!a) return;
          const r = await this.service.addPages({ applicationId: a.applicationId, materialId: a.materialId, files: [{ name: f.name, bytes: f.bytes }], source: 'hot_folder' }, a.staff);
          if (r.refused.length === 0) this.taken++;
          else this.hotProblem = r.refused[0]!.message;
        },
        onRefused: (f) => (this.hotProblem = f.error.message),
        onError: (e) => {
          this.hotProblem = e instanceof Error ? e.message : String(e);
          this.opts.log('hot folder', e);
        },
      });
    }
    return this.hotFolderView();
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const j of this.jobs.values()) {
      j.queue?.stop(); // the database closes next: no more saves
      j.abort.abort();
    }
    await this.hot?.close();
    this.hot = null;
  }
}
