// better-sqlite3 for Electron's ABI, kept apart from node_modules.
//
// Tests and the web host load node_modules/better-sqlite3 built for Node; Electron needs its own
// build, and a build for one ABI does not load in the other. So the Electron build is made from a
// COPY of the package in .electron-native/<electron>-<platform>-<arch>/ with @electron/rebuild, and
// the core opens the database with better-sqlite3's `nativeBinding` option pointing at it.
// node_modules/better-sqlite3 is never touched.
//
//   node scripts/electron-native.mjs        build (or reuse) for this machine; prints the .node path
//   electron-builder (beforePack hook)      build for the target and stage it for extraResources
//
// Used by scripts/start.mjs and tests/electron/run.mjs.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NATIVE_DIR = path.join(ROOT, '.electron-native');
/** where the beforePack hook stages the build that electron-builder.yml copies into resources/native */
export const PACKAGE_STAGE = path.join(NATIVE_DIR, 'package');

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/**
 * Is the Electron binary installed and runnable here?
 * → { ok: true, path, version } | { ok: false, reason }   (reason in English, for logs and tests)
 */
export function findElectron(root = ROOT) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) return { ok: false, reason: 'the electron package is not installed (run npm ci)' };
  const version = readJson(path.join(pkgDir, 'package.json')).version;
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { ok: false, version, reason: 'node_modules/electron/path.txt is missing: the Electron binary was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD)' };
  }
  const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(exe)) return { ok: false, version, reason: `${path.relative(root, exe)} does not exist` };
  try {
    fs.accessSync(exe, fs.constants.X_OK);
  } catch {
    return { ok: false, version, reason: `${path.relative(root, exe)} is not executable` };
  }
  const probe = spawnSync(exe, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.error || probe.status !== 0) {
    const why = probe.error?.message ?? (probe.stderr || `exit code ${probe.status}`);
    return { ok: false, version, reason: `${path.relative(root, exe)} does not run: ${String(why).trim().slice(0, 300)}` };
  }
  return { ok: true, path: exe, version };
}

function copyPackage(from, to) {
  // the Node build (build/) stays behind: the copy is built afresh for Electron
  fs.cpSync(from, to, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(from, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`);
    },
  });
}

/**
 * better_sqlite3.node for the given Electron version, platform and arch; built once, then reused
 * while the Electron and better-sqlite3 versions stay the same. Returns its absolute path.
 */
export async function ensureElectronNative({
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  root = ROOT,
  log = (m) => console.log(m),
} = {}) {
  if (!electronVersion) throw new Error('ensureElectronNative: electronVersion is required');
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readJson(path.join(source, 'package.json')).version;
  const dir = path.join(root, '.electron-native', `electron-${electronVersion}-${platform}-${arch}`);
  const moduleDir = path.join(dir, 'node_modules', 'better-sqlite3');
  const binding = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  const infoFile = path.join(dir, 'build-info.json');
  const wanted = { electronVersion, betterSqlite3Version: sqliteVersion, platform, arch };

  if (fs.existsSync(infoFile) && fs.existsSync(binding)) {
    const info = readJson(infoFile);
    if (Object.entries(wanted).every(([k, v]) => info[k] === v)) return binding;
  }

  log(`正在为 Electron ${electronVersion} 编译 better-sqlite3 ${sqliteVersion}（仅首次，约需两分钟）…`);
  log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}) into ${path.relative(root, dir)} (first time only)…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  copyPackage(source, moduleDir);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'policydesk-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: dir, electronVersion, platform, arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
  if (!fs.existsSync(binding)) throw new Error(`@electron/rebuild finished but ${binding} is missing`);
  // written last: a half-finished build is never taken for a good one
  fs.writeFileSync(infoFile, JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2));
  return binding;
}

export function installedElectronVersion(root = ROOT) {
  return readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
}

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** electron-builder beforePack hook (electron-builder.yml): build for the target, stage for extraResources. */
export async function beforePack(context) {
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch);
  if (arch === 'universal') throw new Error('universal macOS builds are not supported: package x64 and arm64 separately');
  const electronVersion = context.packager?.info?.framework?.version ?? context.packager?.config?.electronVersion ?? installedElectronVersion();
  const binding = await ensureElectronNative({ electronVersion, platform: context.electronPlatformName, arch });
  fs.rmSync(PACKAGE_STAGE, { recursive: true, force: true });
  fs.mkdirSync(PACKAGE_STAGE, { recursive: true });
  fs.copyFileSync(binding, path.join(PACKAGE_STAGE, 'better_sqlite3.node'));
}
export default beforePack;

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const binding = await ensureElectronNative({ electronVersion: installedElectronVersion() });
    console.log(binding);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
