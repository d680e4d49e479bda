import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFUSED_DIR, TAKEN_DIR, watchHotFolder, type HotFolder, type HotFolderFile, type HotFolderOptions } from '../../../electron/core/scan';
import { samplePdf, samplePng, sampleTiff, sleep, tempDir, until } from './fixtures';

// The copier's scan-to-folder inbox, on a real folder with chokidar. Stability is 300 ms here
// (2 s in the product) so the tests run in seconds.

const STABLE_MS = 300;

describe('hot folder (scan-to-folder from a network copier)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let inbox: string;
  let watchers: HotFolder[];
  let taken: HotFolderFile[];
  let refused: { name: string; path: string; message: string }[];
  let incomplete: string[];
  let errors: unknown[];

  const start = (extra: Partial<HotFolderOptions> = {}) =>
    watchHotFolder({
      folder: inbox, stabilityMs: STABLE_MS,
      onFile: (f) => void taken.push(f),
      onRefused: (f) => void refused.push({ name: f.name, path: f.path, message: f.error.message }),
      onIncomplete: (f) => void incomplete.push(f.name),
      onError: (e) => void errors.push(e),
      ...extra,
    }).then((w) => {
      watchers.push(w);
      return w;
    });

  beforeEach(() => {
    tmp = tempDir('pd-hot-');
    inbox = path.join(tmp.dir, 'inbox');
    watchers = [];
    taken = [];
    refused = [];
    incomplete = [];
    errors = [];
  });
  afterEach(async () => {
    for (const w of watchers) await w.close();
    tmp.remove();
    expect(errors).toEqual([]);
  });

  it('takes a whole file once: moved into taken/ and handed on with its bytes', async () => {
    await start();
    const pdf = await samplePdf();
    fs.writeFileSync(path.join(inbox, 'SCAN0001.PDF'), pdf);
    await until(() => taken.length === 1, 10_000, 'the PDF to be taken');
    const [file] = taken;
    expect(file).toMatchObject({ name: 'SCAN0001.PDF', kind: 'pdf', mime: 'application/pdf' });
    expect(Buffer.from(file!.bytes).equals(pdf)).toBe(true);
    expect(path.dirname(file!.path)).toBe(path.join(inbox, TAKEN_DIR));
    expect(fs.readFileSync(file!.path).equals(pdf)).toBe(true);
    expect(fs.existsSync(path.join(inbox, 'SCAN0001.PDF'))).toBe(false);
    await sleep(STABLE_MS * 4);
    expect(taken).toHaveLength(1);

    // copiers reuse names: the same name again is a new document, taken again, the first kept
    fs.writeFileSync(path.join(inbox, 'SCAN0001.PDF'), pdf);
    await until(() => taken.length === 2, 10_000, 'the second SCAN0001.PDF');
    expect(taken[1]!.path).not.toBe(taken[0]!.path);
    expect(fs.readdirSync(path.join(inbox, TAKEN_DIR))).toHaveLength(2);
  });

  it('leaves a half-written file alone until it is complete, then takes it', async () => {
    await start();
    const png = await samplePng(400, 400);
    const target = path.join(inbox, 'page.png');
    const fd = fs.openSync(target, 'w');
    fs.writeSync(fd, png, 0, Math.floor(png.length / 2));
    // the copier pauses well past the stability threshold: the size is stable but the IEND is missing
    await until(() => incomplete.includes('page.png'), 10_000, 'the half file to be looked at');
    await sleep(STABLE_MS * 3);
    expect(taken).toEqual([]);
    expect(fs.existsSync(target)).toBe(true);

    fs.writeSync(fd, png, Math.floor(png.length / 2), png.length - Math.floor(png.length / 2));
    fs.closeSync(fd);
    await until(() => taken.length === 1, 10_000, 'the finished file to be taken');
    expect(taken[0]).toMatchObject({ name: 'page.png', kind: 'png' });
    expect(Buffer.from(taken[0]!.bytes).equals(png)).toBe(true);
  });

  it('after a restart takes what arrived while it was stopped, and never a file again', async () => {
    const first = await start();
    fs.writeFileSync(path.join(inbox, 'a.tif'), await sampleTiff());
    await until(() => taken.length === 1, 10_000, 'a.tif');
    await first.close();

    // while the watcher is stopped: a new file arrives
    const pdf = await samplePdf();
    fs.writeFileSync(path.join(inbox, 'b.pdf'), pdf);
    await sleep(STABLE_MS);
    expect(taken).toHaveLength(1);

    await start();
    await until(() => taken.length === 2, 10_000, 'b.pdf after the restart');
    await sleep(STABLE_MS * 4);
    expect(taken.map((f) => [f.name, f.kind])).toEqual([['a.tif', 'tiff'], ['b.pdf', 'pdf']]);
  });

  it('refuses a file that is not a PDF or image by name, into refused/, and keeps taking the good ones', async () => {
    await start();
    fs.writeFileSync(path.join(inbox, '营业执照.pdf'), 'this is a text file with a .pdf name\n');
    fs.writeFileSync(path.join(inbox, 'good.jpg'), await samplePng()); // a PNG with a .jpg name: taken as PNG
    await until(() => refused.length === 1 && taken.length === 1, 10_000, 'the refusal and the good file');
    expect(refused[0]!.name).toBe('营业执照.pdf');
    expect(refused[0]!.message).toBe('文件“营业执照.pdf”无法读取（不是 PDF、JPEG、PNG 或 TIFF 文件），未加入材料；其他页面已保留。请重新扫描或换一个文件。');
    expect(path.dirname(refused[0]!.path)).toBe(path.join(inbox, REFUSED_DIR));
    expect(taken[0]).toMatchObject({ name: 'good.jpg', kind: 'png' });
    expect(fs.readdirSync(inbox).sort()).toEqual([REFUSED_DIR, TAKEN_DIR]);
  });

  it('ignores temporary names until the copier renames them', async () => {
    await start();
    const pdf = await samplePdf();
    fs.writeFileSync(path.join(inbox, 'scan.pdf.part'), pdf);
    await sleep(STABLE_MS * 3);
    expect(taken).toEqual([]);
    fs.renameSync(path.join(inbox, 'scan.pdf.part'), path.join(inbox, 'scan.pdf'));
    await until(() => taken.length === 1, 10_000, 'scan.pdf');
  });

  it('close() stops everything: nothing is taken or reported afterwards', async () => {
    const w = await start();
    await w.close();
    fs.writeFileSync(path.join(inbox, 'late.pdf'), await samplePdf());
    await sleep(STABLE_MS * 4);
    expect(taken).toEqual([]);
    expect(fs.existsSync(path.join(inbox, 'late.pdf'))).toBe(true);
  });
});
