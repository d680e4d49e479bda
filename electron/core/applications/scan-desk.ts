import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import type { ScanJobView, ScannerView } from '@shared/scan/api-schemas';
import { t } from '@shared/i18n';
import { newId } from '../ids';
import { listDevices, scanBatch, watchHotFolder, type HotFolder, type SaneSetup, type SourceKind, type ColourMode } from '../scan';
import type { ApplicationService } from './application-service';

// The counter's scanning desk: scan jobs into a material (the renderer polls their progress), and
// the hot folder, armed for one material at a time. Pages are attached through the application
// service like any file, so the same processing, blob folder and history apply.

type Staff = { id: string; displayName: string };

interface Job {
  view: ScanJobView;
  abort: AbortController;
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
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pd-scan-'));
    try {
      const result = await scanBatch({
        // PNM: no decode cost when the page is processed (PNG costs ~150 ms a page)
        device: input.device, outDir, resolution: input.resolution, format: 'pnm', mode: input.mode, source: input.source, count: input.count,
        sane: this.opts.sane, signal: job.abort.signal, onPage: () => void job.view.pagesScanned++,
        // an empty feeder ends the stack, unless the clerk asked for more pages (and refilled it)
        onFeederEmpty: ({ pagesSoFar }) => input.count !== undefined && pagesSoFar < input.count,
      });
      job.view.pagesScanned = result.pages.length;
      if (result.error) job.view.error = result.error.toData();
      if (result.pages.length) {
        job.view.state = 'saving';
        const dpi = result.resolution ?? input.resolution;
        const files = await Promise.all(result.pages.map(async (p) => ({ name: t('application.scanPageName', { n: p.page }), bytes: await fs.readFile(p.path), dpi })));
        const saved = await this.service.addPages({ applicationId: input.applicationId, materialId: input.materialId, files, source: 'scanner' }, staff);
        job.view.pagesSaved = files.length - saved.refused.length;
      }
      job.view.state = result.endedBy === 'cancelled' ? 'cancelled' : result.error ? 'failed' : 'done';
    } catch (e) {
      job.view.error = (e instanceof AppError ? e : new AppError('SCAN_FAILED', { reason: String(e) })).toData();
      job.view.state = 'failed';
    } finally {
      await fs.rm(outDir, { recursive: true, force: true });
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
    for (const j of this.jobs.values()) j.abort.abort();
    await this.hot?.close();
    this.hot = null;
  }
}
