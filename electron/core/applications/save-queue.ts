// Pages of a scan batch on their way into the material while the feeder runs. One save at a time;
// what arrives during a save goes, in order, into the next one (a fast feeder makes a few larger
// saves, not one per page), up to `maxBytes` of page files per save (a 600-dpi colour page is
// 100 MB before processing). The first failed save stops the queue: later pages are not saved.

export interface QueuedPage {
  page: number;
  path: string;
  bytes: number;
}

export class SaveQueue<P extends QueuedPage> {
  private readonly waiting: P[] = [];
  private running: Promise<void> | null = null;
  private stopped = false;
  /** the error of the save that failed, if one did */
  error: unknown = null;

  constructor(
    private readonly save: (pages: P[]) => Promise<void>,
    private readonly maxBytes: number,
  ) {}

  push(page: P): void {
    if (this.stopped || this.error) return;
    this.waiting.push(page);
    this.running ??= this.loop().finally(() => (this.running = null));
  }

  /** No more saves after the one under way (closing the core). */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once every page pushed so far is saved, or the queue stopped. */
  async drained(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.waiting.length && !this.stopped && !this.error) {
      let n = 1;
      let size = this.waiting[0]!.bytes;
      while (n < this.waiting.length && size + this.waiting[n]!.bytes <= this.maxBytes) size += this.waiting[n++]!.bytes;
      const batch = this.waiting.splice(0, n);
      try {
        await this.save(batch);
      } catch (e) {
        this.error = e;
      }
    }
  }
}
