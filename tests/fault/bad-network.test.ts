import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolCode } from '../../server/devices/enrolment';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { counterWithCompanies } from '../helpers/counter';
import { FaultProxy } from '../helpers/fault-proxy';
import { expectExactlyOnce } from './exactly-once';
import { noisePage } from './noise-page';
import { faultSeed, seeded } from './seed';

// A day at the counter synced through a bad line (tests/helpers/fault-proxy.ts): connections
// dropped, reset in the middle of a push or an upload, answers cut short, chunks held back. Rounds
// are retried (bounded, each after a short backoff) until nothing waits; then the centre must hold
// every record exactly once and every blob whole. FAULT_SEED=<n> replays the faults.

const MAX_ROUNDS = 40;

let centre: TestCentral;
let proxy: FaultProxy | undefined;
let tmp: string;

beforeAll(async () => {
  centre = await startTestCentral('pglite');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-fault-net-'));
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await centre?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const answered = (n: number) => ({ question: `第${n}位：研发费用加计扣除怎么申报？`, category: 'talent' as const, result: 'answered' as const, answer: '可在电子税务局申报。' });

describe('sync through a bad network', () => {
  it('a day of work with uploads converges in a bounded number of rounds, each record once at the centre', async () => {
    const seed = faultSeed();
    const random = seeded(seed);
    console.info(`[fault] bad network seed=${seed} (FAULT_SEED=${seed} replays it)`);
    proxy = await new FaultProxy({ host: '127.0.0.1', port: centre.central.port }, { seed }).start();

    const c = await counterWithCompanies({ sync: { background: false, pushBatch: 10, uploadRetryDelaysMs: [50, 150, 400] } });
    const { tc, s } = c;
    const { code } = await createEnrolCode(centre.central.db, { departments: [], ttlHours: 1 });
    await tc.call('syncEnrol', { centreUrl: proxy.url, code, deviceName: '3号窗口' }, s.admin);
    const deviceId = (await tc.call('appStatus', {})).deviceId;

    // a stretch of the day: consultations, and an application with two scanned pages (blobs of
    // about 1 MB, and their materials' PDFs)
    let made = 0;
    const work = async (consultations: number) => {
      for (let n = 1; n <= consultations; n++) await tc.call('consultationCreate', answered(++made), s.clerk);
      const app = await c.create();
      for (let m = 0; m < 2; m++) {
        const file = await noisePage(path.join(tmp, `page-${made}-${m}.png`), random);
        const added = await tc.call('applicationPagesAdd', { applicationId: app.id, materialId: app.materials[m]!.id, files: [{ name: '扫描件.png', base64: fs.readFileSync(file).toString('base64') }] }, s.clerk);
        expect(added.refused).toEqual([]);
      }
    };

    const t0 = Date.now();
    let rounds = 0;
    let failed = 0;
    /** sync rounds, each after a short backoff, until nothing waits (bounded) */
    const converge = async () => {
      for (let tries = 1; ; tries++) {
        rounds++;
        const st = await tc.call('syncNow', {}, s.clerk);
        if (st.waiting === 0 && st.lastError === null) return;
        failed++;
        expect(tries, `rounds to converge (last error: ${st.lastError?.message})`).toBeLessThan(MAX_ROUNDS);
        // the engine's own backoff starts at 2 s; here a short one keeps the test quick
        await new Promise((r) => setTimeout(r, Math.min(400, 25 * 2 ** tries)));
      }
    };
    const landed = () => proxy!.counts.dropped > 0 && proxy!.counts.reset > 0 && proxy!.counts.truncated > 0 && proxy!.counts.delayed > 0;

    // the morning's work, then more until every kind of fault has struck (bounded)
    proxy.rates = { drop: 0.1, reset: 0.03, truncate: 0.1, delay: 0.2, maxDelayMs: 20 };
    let stretches = 0;
    do {
      await work(stretches === 0 ? 30 : 5);
      await converge();
    } while (!landed() && ++stretches < 5);
    const ms = Date.now() - t0;
    tc.close();

    const totals = await expectExactlyOnce(centre, tc.dataDir, deviceId);
    console.info(
      `[fault] bad network: ${made} consultations and ${stretches + 1} applications converged in ${rounds} rounds (${failed} failed) in ${ms} ms; faults ${JSON.stringify(proxy.counts)}; ` +
        `at the centre ${totals.mutations} mutations ${JSON.stringify(totals.byEntity)}, ${totals.blobs} blobs (${(totals.blobBytes / 1e6).toFixed(1)} MB)`,
    );
    expect(totals.byEntity.consultation).toBe(made);
    expect(totals.blobs).toBeGreaterThanOrEqual(2 * (stretches + 1)); // two pages each (and their PDFs)
    // the faults did happen, each kind
    expect(proxy.counts.dropped).toBeGreaterThan(0);
    expect(proxy.counts.reset).toBeGreaterThan(0);
    expect(proxy.counts.truncated).toBeGreaterThan(0);
    expect(proxy.counts.delayed).toBeGreaterThan(0);
  }, 180_000);
});
