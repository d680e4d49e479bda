import { describe, expect, it } from 'vitest';
import { SaveQueue, type QueuedPage } from '../../../electron/core/applications/save-queue';

// The scan desk's queue: one save at a time, what arrives meanwhile together in the next, in order.

const page = (n: number, bytes = 10): QueuedPage => ({ page: n, path: `/scan/page-${n}.pnm`, bytes });

/** A save the test lets finish when it wants. */
function gatedSaves() {
  const saves: number[][] = [];
  const gates: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const save = async (pages: QueuedPage[]) => {
    running++;
    most = Math.max(most, running);
    saves.push(pages.map((p) => p.page));
    await new Promise<void>((r) => gates.push(r));
    running--;
  };
  const release = async () => {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { saves, save, release, most: () => most };
}

describe('SaveQueue', () => {
  it('saves the first page alone, then everything that came during a save together, in order, one save at a time', async () => {
    const g = gatedSaves();
    const q = new SaveQueue(g.save, 1000);
    q.push(page(1));
    for (const n of [2, 3, 4]) q.push(page(n));
    await g.release();
    q.push(page(5));
    await g.release();
    await g.release();
    await q.drained();
    expect(g.saves).toEqual([[1], [2, 3, 4], [5]]);
    expect(g.most()).toBe(1);
  });

  it('puts no more page bytes into one save than allowed (but always at least one page)', async () => {
    const g = gatedSaves();
    const q = new SaveQueue(g.save, 25);
    q.push(page(1, 40));
    for (const n of [2, 3, 4]) q.push(page(n, 10));
    for (let i = 0; i < 3; i++) await g.release();
    await q.drained();
    expect(g.saves).toEqual([[1], [2, 3], [4]]);
  });

  it('stops at the first failed save and keeps its error; later pages are not saved', async () => {
    const saves: number[][] = [];
    const q = new SaveQueue<QueuedPage>(async (pages) => {
      saves.push(pages.map((p) => p.page));
      if (pages[0]!.page === 2) throw new Error('disk full');
      await new Promise((r) => setTimeout(r, 5));
    }, 10);
    q.push(page(1));
    q.push(page(2));
    q.push(page(3));
    await q.drained();
    q.push(page(4));
    await q.drained();
    expect(saves).toEqual([[1], [2]]);
    expect((q.error as Error).message).toBe('disk full');
  });
});
