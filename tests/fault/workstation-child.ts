import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/app/create-core';
import { tusSender } from '../../electron/core/sync/blob-sender';

// A counter workstation in its own process, for the SIGKILL test (sigkill.test.ts): it opens the
// data folder, makes a few records, then syncs until nothing waits, telling the parent on stdout
// which phase it is in (`phase push|upload|idle`) so the parent can kill it in the middle of one.
// Bundled once by the test (esbuild) so each restart starts fast.
//
// argv: <dataDir> <resourcesDir> <json plan> where plan = { consultations, page?: { applicationId,
// materialId, file } } — the page file holds a scanned page (PNG) to add to that material.

interface Plan {
  consultations: number;
  page?: { applicationId: string; materialId: string; file: string };
  pushBatch: number;
}

const [dataDir, resourcesDir, planJson] = process.argv.slice(2) as [string, string, string];
const plan = JSON.parse(planJson) as Plan;
const say = (line: string) => process.stdout.write(`${line}\n`);

// the phase the parent aims its kill at: a push request in flight, or a blob going up
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!url.includes('/v1/push')) return realFetch(input, init);
  say('phase push');
  try {
    const res = await realFetch(input, init);
    const body = await res.text();
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  } finally {
    say('phase idle');
  }
};

const core = createCore({
  dataDir,
  resourcesDir,
  now: () => new Date(),
  log: process.env.CORE_LOG ? (m, e) => console.error(m, e) : () => {},
  sync: {
    background: false,
    pushBatch: plan.pushBatch,
    // "upload" from asking whether the centre has the blob to its answer to the last byte
    sendBlob: (req) => {
      say('phase upload');
      return tusSender(core.db!, () => new Date())(req).finally(() => say('phase idle'));
    },
  },
});

async function call(method: string, input: unknown, session: string | null): Promise<unknown> {
  const r = await core.dispatch(method as never, input as never, session);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function main(): Promise<void> {
  say('started');
  const clerk = ((await call('signIn', { username: 'clerk', password: 'Passw0rd1' }, null)) as { sessionId: string }).sessionId;
  for (let i = 0; i < plan.consultations; i++) {
    await call('consultationCreate', { question: `研发费用加计扣除怎么申报？（${process.pid}-${i}）`, category: 'talent', result: 'answered', answer: '可在电子税务局申报。' }, clerk);
  }
  if (plan.page) {
    const { applicationId, materialId, file } = plan.page;
    await call('applicationPagesAdd', { applicationId, materialId, files: [{ name: path.basename(file), base64: fs.readFileSync(file).toString('base64') }] }, clerk);
  }
  say('made');
  // bounded: a round that cannot finish (the centre gone) ends the child with an error
  for (let round = 1; round <= 20; round++) {
    const st = (await call('syncNow', {}, clerk)) as { waiting: number; rejected: number; lastError: { message: string } | null };
    if (st.waiting === 0 && !st.lastError) {
      say(`done ${JSON.stringify({ round, rejected: st.rejected })}`);
      core.close();
      return;
    }
    say(`retry ${st.lastError?.message ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('sync did not finish in 20 rounds');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
