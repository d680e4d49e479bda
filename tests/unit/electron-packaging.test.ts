import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Packaging rules that are easy to lose: the fuses, .node files outside the asar, and no step that
// would rebuild node_modules/better-sqlite3 for Electron (the tests and web host need its Node build).

const ROOT = path.resolve(import.meta.dirname, '../..');
// js-yaml comes with electron-builder; typed here by what we use
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string>; main?: string };

describe('electron-builder.yml', () => {
  it('names the product', () => {
    expect(config.appId).toBe('cn.policydesk.workstation');
    expect(String(config.productName)).toMatch(/惠企政策窗口工作台|PolicyDesk/);
  });

  it('flips the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs the build into the asar, unpacks .node files, ships resources and the Electron build of better-sqlite3', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.asarUnpack).toContain('**/*.node');
    const extra = config.extraResources as Array<{ from: string; to: string }>;
    expect(extra).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
    expect(extra).toContainEqual(expect.objectContaining({ from: '.electron-native/package', to: 'native' }));
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('targets AppImage + deb on Linux and NSIS on Windows', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect(JSON.stringify((config.win as { target: unknown }).target)).toContain('nsis');
  });

  it('never rebuilds node_modules in place; the beforePack hook builds apart instead', async () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.beforePack).toBe('./scripts/electron-native.mjs');
    const hook = (await import(pathToFileURL(path.join(ROOT, 'scripts/electron-native.mjs')).href)) as { beforePack?: unknown; default?: unknown };
    expect(typeof hook.beforePack).toBe('function');
    expect(hook.default).toBe(hook.beforePack);
  });
});

describe('package.json', () => {
  it('has no install hook that rebuilds native modules for Electron', () => {
    const scripts = pkg.scripts ?? {};
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
      expect(scripts[hook] ?? '', hook).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild/);
    }
    for (const [name, script] of Object.entries(scripts)) {
      expect(script, name).not.toMatch(/install-app-deps/);
    }
  });
});
