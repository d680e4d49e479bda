import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { blobColumns, collectBlobs } from '../../../electron/core/applications/blob-collector';
import { BlobStore } from '../../../electron/core/materials';
import type { TestCore } from '../../helpers/core';
import { counterWithCompanies } from '../../helpers/counter';

// The blob folder's garbage collector on a real data folder: pages added, one turned, one deleted,
// the application decided (its documents stored). Then only the files nobody names go — and not
// while an unsent outbox entry names them, nor while they are young.

const COMPANY = '91330108MA2BYF300E';
const ITEM = 'HZ-KJ-2024-03-01';
const DAY = 24 * 60 * 60 * 1000;

let tc: TestCore;
let s: Record<string, string>;
let work: string;
let store: BlobStore;

beforeEach(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-blob-gc-'));
  ({ tc, s } = await counterWithCompanies({ dataDir: work }));
  store = BlobStore.inDataDir(work);
});
afterEach(() => {
  tc.close();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Every blob file in the folder, by name. */
function blobFiles(): Set<string> {
  const root = path.join(work, 'blobs');
  return new Set((fs.readdirSync(root, { recursive: true }) as string[]).map((f) => path.basename(f)).filter((f) => /^[0-9a-f]{64}$/.test(f)));
}

/** A page with a bar at a given height, so each page is its own file. */
const pagePng = (n: number) =>
  sharp({ create: { width: 827, height: 1169, channels: 3, background: '#fff' } })
    .composite([{ input: Buffer.from(`<svg width="827" height="1169"><rect x="80" y="${100 + n * 120}" width="600" height="40"/></svg>`) }])
    .png()
    .toBuffer();

const markAllSent = (except?: number) =>
  tc.core.db!.prepare("UPDATE outbox SET pushed_at = '2026-11-27T03:00:00Z' WHERE pushed_at IS NULL AND seq IS NOT ?").run(except ?? null);

async function opens(bytes: string): Promise<number> {
  return (await PDFDocument.load(Buffer.from(bytes, 'base64'))).getPageCount();
}

describe('the blob garbage collector', () => {
  it('removes exactly the files nobody names, once no unsent outbox entry names them; what is named still opens', async () => {
    const a0 = await tc.call('applicationCreate', { uscc: COMPANY, itemId: ITEM, contactName: '王佳', contactPhone: '13957101001' }, s.clerk);
    const mid = a0.materials[0]!.id;
    const files = await Promise.all([1, 2, 3].map(async (n) => ({ name: `第${n}页.png`, base64: (await pagePng(n)).toString('base64') })));
    const added = (await tc.call('applicationPagesAdd', { applicationId: a0.id, materialId: mid, files, source: 'file' }, s.clerk)).application;
    const [p1, p2] = added.materials[0]!.pages;
    const firstPdf = added.materials[0]!.pdfSha256!;
    const turned = await tc.call('applicationPageOp', { applicationId: a0.id, materialId: mid, pageId: p1!.id, op: 'rotate_right' }, s.clerk);
    const turnedPdf = turned.materials[0]!.pdfSha256!;
    await tc.call('applicationPageOp', { applicationId: a0.id, materialId: mid, pageId: p2!.id, op: 'delete' }, s.clerk);
    let a: ApplicationDetail = await tc.call('applicationGet', { id: a0.id }, s.clerk);
    for (const m of a.materials) a = await tc.call('applicationMaterialMark', { applicationId: a.id, materialId: m.id, state: 'present' }, s.clerk);
    a = await tc.call('applicationDecide', { id: a.id, decision: 'accept' }, s.clerk);

    // what the application names now: two pages (one turned), the material's PDF, the two documents
    const m = a.materials[0]!;
    const named = new Set([...m.pages.map((p) => p.sha256), m.pdfSha256!]);
    const docs = tc.core.db!.prepare('SELECT sha256 FROM issued_documents').pluck().all() as string[];
    for (const d of docs) named.add(d);
    expect(m.pages.map((p) => p.id)).toEqual([p1!.id, added.materials[0]!.pages[2]!.id]);
    expect(m.pages[0]!.sha256).not.toBe(p1!.sha256);
    expect(docs).toHaveLength(2);
    const orphans = new Set([p1!.sha256, p2!.sha256, firstPdf, turnedPdf]);
    expect(blobFiles()).toEqual(new Set([...named, ...orphans]));
    expect(blobColumns(tc.core.db!)).toEqual(expect.arrayContaining([
      { table: 'application_materials', column: 'pdf_sha256' }, { table: 'issued_documents', column: 'sha256' }, { table: 'material_pages', column: 'sha256' },
    ]));

    // nothing sent yet: every old page and PDF is named by an outbox entry the next sync uploads
    expect(await collectBlobs(tc.core.db!, store, { graceMs: 0 })).toEqual({ removed: 0, bytes: 0, kept: named.size + orphans.size });

    // all sent but the first pages_added (which names pages 1 and 2 as they came, and the first PDF)
    const firstAdd = tc.core.db!.prepare("SELECT seq FROM outbox WHERE op = 'pages_added' ORDER BY seq LIMIT 1").pluck().get() as number;
    markAllSent(firstAdd);
    const size = (h: string) => fs.statSync(store.pathOf(h)).size;
    const [turnedBytes, laterBytes] = [size(turnedPdf), size(p1!.sha256) + size(p2!.sha256) + size(firstPdf)];
    expect(await collectBlobs(tc.core.db!, store, { graceMs: 0 })).toEqual({ removed: 1, bytes: turnedBytes, kept: named.size + 3 });
    expect(blobFiles()).toEqual(new Set([...named, p1!.sha256, p2!.sha256, firstPdf]));

    markAllSent();
    expect(await collectBlobs(tc.core.db!, store, { graceMs: 0 })).toEqual({ removed: 3, bytes: laterBytes, kept: named.size });
    expect(blobFiles()).toEqual(named);

    // the material's PDF and the documents still open
    expect(await opens((await tc.call('materialPdf', { applicationId: a.id, materialId: mid }, s.clerk)).base64)).toBe(2);
    for (const d of a.documents) expect(await opens((await tc.call('documentGet', { documentId: d.id }, s.clerk)).base64)).toBeGreaterThan(0);
    for (const p of m.pages) expect(await store.verify(p.sha256)).toBe(true);
  }, 60_000);

  it('leaves a young unnamed file alone (24 h by default), also one stored again just now', async () => {
    const orphan = await store.put(randomBytes(10_000));
    expect(await collectBlobs(tc.core.db!, store)).toMatchObject({ removed: 0, kept: 1 });
    expect(await store.has(orphan)).toBe(true);

    // a day and a bit later it goes
    const file = store.pathOf(orphan);
    const old = new Date(Date.now() - DAY - 60_000);
    fs.utimesSync(file, old, old);
    const bytes = fs.readFileSync(file);
    expect(await collectBlobs(tc.core.db!, store)).toEqual({ removed: 1, bytes: 10_000, kept: 0 });
    expect(await store.has(orphan)).toBe(false);

    // an old unnamed file that a save stores again (its transaction not yet committed) is young again
    await store.put(bytes);
    fs.utimesSync(file, old, old);
    expect(await store.put(bytes)).toBe(orphan);
    expect(await collectBlobs(tc.core.db!, store)).toMatchObject({ removed: 0, kept: 1 });
    expect(await store.has(orphan)).toBe(true);
  });

  it('waits for a write under way, and does not remove what it wrote (even with no grace)', async () => {
    const orphan = await store.put(randomBytes(1000));
    let release!: () => void;
    let writing!: () => void;
    const started = new Promise<void>((r) => (writing = r));
    const slow = new BlobStore(store.root, {
      writeAll: async (file, bytes) => {
        writing();
        await new Promise<void>((r) => (release = r));
        await file.writeFile(bytes);
      },
    });
    const put = slow.put(randomBytes(2000));
    await started;
    let swept = false;
    const sweep = collectBlobs(tc.core.db!, store, { graceMs: 0 }).then((r) => ((swept = true), r));
    await new Promise((r) => setTimeout(r, 200));
    expect(swept).toBe(false); // the removal waits for the write
    release();
    const written = await put;
    expect(await sweep).toMatchObject({ removed: 1 });
    expect([await store.has(orphan), await store.has(written)]).toEqual([false, true]);
  });

  it('removes what a crash left half-written once it is old, never a write under way', async () => {
    const orphan = await store.put(randomBytes(1000));
    const shard = path.dirname(store.pathOf(orphan));
    const [young, old] = [path.join(shard, '.tmp-young'), path.join(shard, '.tmp-old')];
    fs.writeFileSync(young, 'half');
    fs.writeFileSync(old, 'half');
    const then = new Date(Date.now() - 2 * DAY);
    fs.utimesSync(old, then, then);
    await collectBlobs(tc.core.db!, store);
    expect([fs.existsSync(young), fs.existsSync(old)]).toEqual([true, false]);
  });
});
