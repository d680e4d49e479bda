import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/electron-native.mjs: how `npm start` decides whether Electron can run here, and that the
// Electron build of better-sqlite3 is reused rather than rebuilt while versions stay the same.

interface NativeScript {
  findElectron(root?: string): { ok: true; path: string; version: string } | { ok: false; reason: string; version?: string };
  ensureElectronNative(opts: { electronVersion: string; platform?: string; arch?: string; root?: string; log?: (m: string) => void }): Promise<string>;
}
const ROOT = path.resolve(import.meta.dirname, '../..');
const script = (await import(pathToFileURL(path.join(ROOT, 'scripts/electron-native.mjs')).href)) as NativeScript;

const temps: string[] = [];
function fakeRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'policydesk-native-'));
  temps.push(root);
  fs.mkdirSync(path.join(root, 'node_modules/electron'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules/electron/package.json'), JSON.stringify({ version: '41.0.0' }));
  fs.mkdirSync(path.join(root, 'node_modules/better-sqlite3'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules/better-sqlite3/package.json'), JSON.stringify({ version: '12.0.0' }));
  return root;
}
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('findElectron', () => {
  it('explains a missing binary (path.txt absent, as with ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
    const r = script.findElectron(fakeRoot());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/path\.txt is missing/);
  });

  it('explains a path.txt that names no file', () => {
    const root = fakeRoot();
    fs.writeFileSync(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    const r = script.findElectron(root);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/does not exist/);
  });

  it.skipIf(process.platform === 'win32')('explains a binary that does not run, and accepts one that does', () => {
    const root = fakeRoot();
    fs.mkdirSync(path.join(root, 'node_modules/electron/dist'));
    fs.writeFileSync(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    const exe = path.join(root, 'node_modules/electron/dist/electron');
    fs.writeFileSync(exe, '#!/bin/sh\necho "error while loading shared libraries: libgtk-3.so.0" >&2\nexit 127\n', { mode: 0o755 });
    const broken = script.findElectron(root);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.reason).toMatch(/does not run: .*libgtk/);
    fs.writeFileSync(exe, '#!/bin/sh\necho v24.0.0\n', { mode: 0o755 });
    expect(script.findElectron(root)).toEqual({ ok: true, path: exe, version: '41.0.0' });
  });

  it('this checkout has no runnable Electron binary iff path.txt is missing', () => {
    const present = fs.existsSync(path.join(ROOT, 'node_modules/electron/path.txt'));
    if (!present) expect(script.findElectron().ok).toBe(false);
  });
});

describe('ensureElectronNative', () => {
  it('reuses a finished build for the same Electron and better-sqlite3 versions, without rebuilding', async () => {
    const root = fakeRoot();
    const dir = path.join(root, '.electron-native', `electron-41.0.0-${process.platform}-${process.arch}`);
    const binding = path.join(dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    fs.writeFileSync(binding, 'built for electron');
    fs.writeFileSync(
      path.join(dir, 'build-info.json'),
      JSON.stringify({ electronVersion: '41.0.0', betterSqlite3Version: '12.0.0', platform: process.platform, arch: process.arch }),
    );
    const logs: string[] = [];
    expect(await script.ensureElectronNative({ electronVersion: '41.0.0', root, log: (m) => logs.push(m) })).toBe(binding);
    expect(logs).toEqual([]);
    // node_modules/better-sqlite3 is left as it was
    expect(fs.readdirSync(path.join(root, 'node_modules/better-sqlite3'))).toEqual(['package.json']);
  });
});
