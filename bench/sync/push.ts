import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, makeCore, withStaff, type TestCore } from '../../tests/helpers/core';
import { counterWithCompanies, COMPANY } from '../../tests/helpers/counter';
import type { CentreProcess } from './processes';
import type { Doc } from './pouch';
import type { Rng } from '../policy/prng';

// Push of a day's (or many days') counter work: a workstation whose outbox holds `count`
// mutations made through the core's own API — consultations answered at the counter, ones that
// need a reply (a consultation and its ticket), applications taken and their materials checked —
// pushed by its sync engine (one syncNow) to a fresh centre in its own process.

const QUESTIONS = ['研发费用加计扣除怎么申报？', '高新技术企业认定需要哪些材料？', '人才公寓怎么申请？', '稳岗返还什么时候发放？', '首台套保险补偿的条件？', '专精特新申报时间？', '技改补助的比例是多少？', '社保补贴怎么领？'];
const CATEGORIES = ['tax', 'qualification', 'talent', 'subsidy', 'rnd', 'finance', 'application', 'other'] as const;

/** A workstation data folder with `count` mutations waiting (made once, kept in `dir`). */
export async function makePushWorkstation(dir: string, count: number, rng: Rng, log: (m: string) => void): Promise<string> {
  const dataDir = path.join(dir, `push-ws-${count}`);
  if (fs.existsSync(path.join(dataDir, 'complete'))) return dataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const { tc, s, create } = await counterWithCompanies({ dataDir, sync: { background: false } });
  const waiting = () => tc.count('outbox');
  const start = waiting();
  try {
    while (waiting() < count) {
      const kind = rng.weighted([['answered', 60], ['reply', 25], ['application', 15]] as const);
      const question = `${rng.pick(QUESTIONS)}（${rng.int(1, 99999)}）`;
      if (kind === 'answered') {
        await tc.call('consultationCreate', { question, category: rng.pick(CATEGORIES), result: 'answered', answer: '已按政策口径答复，并告知申报渠道和时间。', minutesSpent: rng.int(2, 20) }, s.clerk);
      } else if (kind === 'reply') {
        await tc.call('consultationCreate', { question, category: rng.pick(CATEGORIES), result: 'reply_needed', complexity: rng.pick(['simple', 'complex'] as const), contactName: '王佳', contactPhone: '13957101001', uscc: COMPANY }, s.clerk);
      } else {
        const app = await create();
        for (const m of app.materials.slice(0, rng.int(1, app.materials.length))) {
          if (waiting() >= count) break;
          await tc.call('applicationMaterialMark', { applicationId: app.id, materialId: m.id, state: 'present' }, s.clerk);
        }
      }
    }
    // the rows made before the counter work (setup: staff, the enterprise import) stay: they are pushed too
    log(`workstation: ${waiting()} mutations (${start} from setting up), ${JSON.stringify(tc.core.db!.prepare('SELECT entity, count(*) AS n FROM outbox GROUP BY entity').all())}`);
  } finally {
    tc.close();
  }
  fs.writeFileSync(path.join(dataDir, 'complete'), '');
  return dataDir;
}

/** The outbox as documents, for the PouchDB peer (the same records, one document each). */
export function outboxDocs(dataDir: string): Doc[] {
  const tc = makeCore({ dataDir, sync: { background: false } });
  try {
    const rows = tc.core.db!.prepare('SELECT id, seq, entity, entity_id, op, payload, staff_id, created_at FROM outbox ORDER BY seq').all() as Record<string, string | number>[];
    return rows.map((r) => ({ _id: String(r.id), seq: r.seq, entity: r.entity, entityId: r.entity_id, op: r.op, payload: JSON.parse(String(r.payload)) as unknown, staffId: r.staff_id, createdAt: r.created_at }));
  } finally {
    tc.close();
  }
}

async function enrolled(dataDir: string, centre: CentreProcess): Promise<{ tc: TestCore; session: string }> {
  const tc = makeCore({ dataDir, sync: { background: false } });
  const { sessionId } = await tc.call('signIn', { username: ADMIN.username, password: ADMIN.password });
  const status = await tc.call('syncEnrol', { centreUrl: centre.url, code: await centre.enrolCode(), deviceName: '基准窗口' }, sessionId);
  if (status.state !== 'online') throw new Error(`enrolment: ${JSON.stringify(status)}`);
  return { tc, session: sessionId };
}

/** Seconds for one syncNow of a copy of the workstation to push everything to the centre. */
export async function timePush(template: string, workDir: string, centre: CentreProcess): Promise<{ seconds: number; mutations: number }> {
  const dataDir = fs.mkdtempSync(path.join(workDir, 'push-'));
  fs.cpSync(template, dataDir, { recursive: true });
  const { tc, session } = await enrolled(dataDir, centre);
  try {
    const waiting = (await tc.call('syncStatus', {}, session)).waiting;
    const t0 = performance.now();
    const status = await tc.call('syncNow', {}, session);
    const seconds = (performance.now() - t0) / 1000;
    if (status.waiting !== 0 || status.rejected !== 0 || status.lastError) throw new Error(`push: ${JSON.stringify(status)}`);
    const atCentre = await centre.count('mutations');
    if (atCentre !== waiting) throw new Error(`the centre has ${atCentre} mutations, not ${waiting}`);
    return { seconds, mutations: waiting };
  } finally {
    tc.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Seconds for a fresh workstation to pull everything the centre published, until its search finds a policy and its lookup a company. */
export async function timeFirstPull(workDir: string, centre: CentreProcess, probe: { policyTitle: string; enterpriseName: string }): Promise<{ seconds: number; rounds: number; policies: number; enterprises: number }> {
  const dataDir = fs.mkdtempSync(path.join(workDir, 'pull-'));
  const tc = makeCore({ dataDir, sync: { background: false } });
  try {
    const s = await withStaff(tc, [{ username: 'clerk', displayName: '李娜', roles: ['counter'] }]);
    const status0 = await tc.call('syncEnrol', { centreUrl: centre.url, code: await centre.enrolCode(), deviceName: '新窗口' }, s.admin);
    if (status0.state !== 'online') throw new Error(`enrolment: ${JSON.stringify(status0)}`);
    const t0 = performance.now();
    // A round cut short (e.g. the centre closed an idle keep-alive connection while a page was
    // being applied) keeps what it applied, with its cursor; the background loop would retry after
    // a backoff, here the next round starts at once. Rounds are counted.
    let status = await tc.call('syncNow', {}, s.clerk);
    let rounds = 1;
    for (; status.lastError && rounds < 100; rounds++) status = await tc.call('syncNow', {}, s.clerk);
    const hits = (await tc.call('policySearch', { query: probe.policyTitle }, s.clerk)).hits;
    const companies = await tc.call('enterpriseLookup', { query: probe.enterpriseName }, s.clerk);
    const seconds = (performance.now() - t0) / 1000;
    if (status.lastError) throw new Error(`pull: ${JSON.stringify(status)}`);
    if (hits.length === 0 || companies.length === 0) throw new Error(`not searchable after the pull: ${hits.length} policy hits, ${companies.length} companies`);
    return { seconds, rounds, policies: tc.count('policies'), enterprises: tc.count('enterprises') };
  } finally {
    tc.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
