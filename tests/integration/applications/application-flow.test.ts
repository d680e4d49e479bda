import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '@shared/applications/schemas';
import type { TestCore } from '../../helpers/core';
import { COMPANY, counterWithCompanies, ITEM, type Counter } from '../../helpers/counter';
import { requireTool } from '../../helpers/tools';

// 申报受理 on a real store with the real documents, pages and blob folder: the clerk's whole
// path, from the checklist to the result's delivery, and what each step leaves behind.

let tc: TestCore;
let s: Record<string, string>;
let create: Counter['create'];
beforeEach(async () => {
  ({ tc, s, create } = await counterWithCompanies());
});
afterEach(() => tc?.close());
const mark = (a: ApplicationDetail, k: number, state: 'present' | 'missing' | 'defective', defect = '') =>
  tc.call('applicationMaterialMark', { applicationId: a.id, materialId: a.materials[k]!.id, state, defect }, s.clerk);
const markAll = async (a: ApplicationDetail, except: Record<number, 'missing' | 'defective'> = {}) => {
  let out = a;
  for (let k = 0; k < a.materials.length; k++) out = await mark(a, k, except[k] ?? 'present', except[k] === 'defective' ? '复印件未加盖公章' : '');
  return out;
};

/** The issued document's text, read back with pdftotext, and a check that it renders cleanly. */
async function documentText(a: ApplicationDetail, kind: string): Promise<string> {
  requireTool('pdftotext');
  const doc = [...a.documents].reverse().find((d) => d.kind === kind);
  expect(doc, `${kind} issued`).toBeDefined();
  const file = await tc.call('documentGet', { documentId: doc!.id }, s.clerk);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-doc-'));
  const pdf = path.join(dir, 'd.pdf');
  fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
  const render = execFileSync('pdftoppm', ['-r', '40', '-png', pdf, path.join(dir, 'p')], { stdio: ['ignore', 'pipe', 'pipe'] });
  expect(render.toString()).toBe('');
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '');
}

describe('申报受理: the checklist and the decision', () => {
  it('starts from the item’s materials, and refuses a decision before every material is checked', async () => {
    const a = await create();
    expect(a.state).toBe('receiving');
    expect(a.caseNo).toMatch(/^SL-20261127-[0-9A-F]{4}-001$/);
    expect(a.queryCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(a.materials.map((m) => m.name)).toEqual(['营业执照副本复印件', '申报表原件', '研发费用专项审计报告', '企业所得税年度纳税申报表', '上年度财务审计报告']);
    expect(a.materials.every((m) => m.state === 'pending')).toBe(true);
    const e = await tc.fail('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
    expect(e.code).toBe('MATERIALS_INCOMPLETE');
    expect(e.message).toContain('营业执照副本复印件');
    expect((await tc.call('applicationGet', { id: a.id }, s.clerk)).state).toBe('receiving');
  });

  it('补正: one notice names every missing and defective material; the supplement reopens the checklist; then 受理 with the due date from the calendar', async () => {
    const a = await markAll(await create(), { 2: 'missing', 3: 'defective' });
    const refused = await tc.fail('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
    expect(refused.fields?.[0]?.message).toContain('研发费用专项审计报告');

    const c = await tc.call('applicationDecide', { id: a.id, decision: 'correction' }, s.clerk);
    expect(c.state).toBe('correction');
    expect(c.deadline.dueDate).toBeNull();
    const notice = await documentText(c, 'correction');
    for (const words of ['杭州云栖智联科技有限公司', '企业研发投入补助', '研发费用专项审计报告', '企业所得税年度纳税申报表', '复印件未加盖公章']) expect(notice).toContain(words);

    // the supplement comes a week later: the clock starts then
    tc.clock.set('2026-12-04T09:30:00+08:00');
    s.clerk = (await tc.call('signIn', { username: 'clerk', password: 'Passw0rd1' })).sessionId;
    const back = await tc.call('applicationSupplement', { id: a.id }, s.clerk);
    expect(back.state).toBe('receiving');
    expect(back.materials.map((m) => m.state)).toEqual(['present', 'present', 'pending', 'pending', 'present']);
    await mark(back, 2, 'present');
    await mark(back, 3, 'present');
    const ok = await tc.call('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
    expect(ok.state).toBe('accepted');
    expect(ok.deadline.startedOn).toBe('2026-12-04');
    // 45 working days counted from the day after 2026-12-04 (Friday): 19 in December, then 2027,
    // whose holiday notice is not entered yet, so only its weekends are skipped (the calendar
    // screen warns of that): Friday 2027-02-05
    expect(ok.deadline.dueDate).toBe('2027-02-05');
    expect(ok.documents.map((d) => d.kind)).toEqual(['correction', 'acceptance', 'acceptance_thermal']);
    const receipt = await documentText(ok, 'acceptance');
    for (const words of ['杭州云栖智联科技有限公司', '企业研发投入补助', '2027年2月5日', ok.queryCode, '李娜']) expect(receipt).toContain(words);
    expect(ok.events.map((e) => e.kind)).toContain('supplement_received');
  });

  it('容缺受理: a deferrable material may follow by a date; a required one that is not deferrable blocks it', async () => {
    const blocked = await markAll(await create(), { 1: 'missing' });
    const e = await tc.fail('applicationDecide', { id: blocked.id, decision: 'accept_deferred' }, s.clerk);
    expect(e.fields?.[0]?.message).toContain('申报表原件');

    const a = await markAll(await create(), { 4: 'missing' });
    const ok = await tc.call('applicationDecide', { id: a.id, decision: 'accept_deferred', deferredDue: '2026-12-11' }, s.clerk);
    expect(ok.state).toBe('accepted');
    expect(ok.materials[4]).toMatchObject({ state: 'missing', dueDate: '2026-12-11' });
    const receipt = await documentText(ok, 'acceptance');
    expect(receipt).toContain('上年度财务审计报告');
    expect(receipt).toContain('2026年12月11日');
  });

  it('不予受理 needs its reason and tells the right to 行政复议 and 行政诉讼', async () => {
    const a = await create();
    expect((await tc.fail('applicationDecide', { id: a.id, decision: 'refuse' }, s.clerk)).code).toBe('VALIDATION');
    const r = await tc.call('applicationDecide', { id: a.id, decision: 'refuse', reason: '申请人不属于本政策支持范围' }, s.clerk);
    expect(r.state).toBe('refused');
    const text = await documentText(r, 'refusal');
    for (const words of ['申请人不属于本政策支持范围', '行政复议', '行政诉讼']) expect(text).toContain(words);
    // nothing more can happen to a refused application
    expect((await tc.fail('applicationRoute', { id: a.id }, s.clerk)).code).toBe('APPLICATION_STATE');
  });

  it('refuses callers without the counter role', async () => {
    expect((await tc.fail('applicationCreate', { uscc: COMPANY, itemId: ITEM, contactName: '王佳', contactPhone: '13957101001' }, s.phone)).code).toBe('FORBIDDEN');
  });
});

describe('申报受理: routing, the deadline, delivery and the progress query', () => {
  it('routes with a hand-over sheet, extends with a reason, delivers with a record, and answers the query code', async () => {
    const a = await markAll(await create());
    await tc.call('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
    const routed = await tc.call('applicationRoute', { id: a.id }, s.clerk);
    expect(routed.state).toBe('routed');
    expect(routed.materials.every((m) => m.handedOverTo === '市科技局')).toBe(true);
    const sheet = await documentText(routed, 'handover');
    for (const words of ['市科技局', '申报表原件', routed.caseNo]) expect(sheet).toContain(words);

    const longer = await tc.call('applicationExtend', { id: a.id, days: 10, reason: '需补充专家评审' }, s.clerk);
    expect(longer.deadline.extensions).toEqual([expect.objectContaining({ days: 10, reason: '需补充专家评审' })]);
    expect(longer.deadline.dueDate! > routed.deadline.dueDate!).toBe(true);

    const done = await tc.call('applicationDeliver', { id: a.id, method: 'window', recipient: '王佳', result: '审核通过，拨付补助 50 万元' }, s.clerk);
    expect(done.state).toBe('delivered');
    expect(done.delivery).toMatchObject({ method: 'window', recipient: '王佳' });
    const record = await documentText(done, 'delivery');
    for (const words of ['王佳', '窗口领取', '审核通过']) expect(record).toContain(words);

    const p = await tc.call('applicationProgress', { queryCode: done.queryCode.toLowerCase() }, s.phone);
    expect(p).toMatchObject({ caseNo: done.caseNo, state: 'delivered', department: '市科技局' });
    expect(p.timeline.map((e) => e.summary).join()).toContain('市科技局');
    expect((await tc.fail('applicationProgress', { queryCode: '22222222' }, s.phone)).code).toBe('NOT_FOUND');
    expect((await tc.fail('applicationProgress', { queryCode: 'abc' }, s.phone)).code).toBe('VALIDATION');
  });

  it('keeps each step in the history, with its audit row and outbox entry', async () => {
    const before = tc.count('outbox');
    const a = await markAll(await create());
    await tc.call('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);
    const d = await tc.call('applicationGet', { id: a.id }, s.clerk);
    expect(d.events.map((e) => e.kind)).toEqual(['created', ...a.materials.map(() => 'material_marked'), 'decided', 'document_issued', 'document_issued']);
    expect(tc.count('outbox') - before).toBe(d.events.length);
  });
});

describe('申报受理: pages', () => {
  const png = (w: number, h: number, text: boolean) =>
    sharp({ create: { width: w, height: h, channels: 3, background: '#ffffff' } })
      .composite(text ? [{ input: Buffer.from(`<svg width="${w}" height="${h}"><text x="60" y="200" font-size="60">营业执照 统一社会信用代码</text><rect x="60" y="300" width="${w - 120}" height="40" fill="#000"/></svg>`) }] : [])
      .png()
      .toBuffer();

  it('adds pages from files, refuses a corrupt one by name and keeps the rest, and turns, moves and deletes pages', async () => {
    const a = await create();
    const files = [
      { name: '执照.png', base64: (await png(1240, 1754, true)).toString('base64') },
      { name: '坏文件.jpg', base64: Buffer.from('not really a jpeg').toString('base64') },
      { name: '空白.png', base64: (await png(1240, 1754, false)).toString('base64') },
    ];
    const r = await tc.call('applicationPagesAdd', { applicationId: a.id, materialId: a.materials[0]!.id, files }, s.clerk);
    expect(r.refused.map((f) => f.name)).toEqual(['坏文件.jpg']);
    expect(r.refused[0]!.message).toContain('坏文件.jpg');
    const m = r.application.materials[0]!;
    expect(m.pages).toHaveLength(2);
    expect(m.pages.map((p) => p.blank)).toEqual([false, true]);
    expect(m.state).toBe('present');
    expect(m.pdfSha256).toMatch(/^[0-9a-f]{64}$/);

    const turned = await tc.call('applicationPageOp', { applicationId: a.id, materialId: m.id, pageId: m.pages[0]!.id, op: 'rotate_right' }, s.clerk);
    expect(turned.materials[0]!.pages[0]!.sha256).not.toBe(m.pages[0]!.sha256);
    const moved = await tc.call('applicationPageOp', { applicationId: a.id, materialId: m.id, pageId: m.pages[1]!.id, op: 'move_up' }, s.clerk);
    expect(moved.materials[0]!.pages.map((p) => p.blank)).toEqual([true, false]);
    const left = await tc.call('applicationPageOp', { applicationId: a.id, materialId: m.id, pageId: m.pages[1]!.id, op: 'delete' }, s.clerk);
    expect(left.materials[0]!.pages).toHaveLength(1);

    const pdf = await tc.call('materialPdf', { applicationId: a.id, materialId: m.id }, s.clerk);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
