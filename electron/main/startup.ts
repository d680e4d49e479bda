import path from 'node:path';

// Where everything is, worked out once at start from argv, the environment and the app's layout.
// Pure (no 'electron'): index.ts passes in what app and process know.

import { DATA_FOLDER, argValue } from '@shared/app/args';

export interface StartupInput {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  isPackaged: boolean;
  /** app.getPath('appData') */
  appDataDir: string;
  /** the folder of out/main/index.js (inside app.asar when packaged) */
  mainDir: string;
  /** process.resourcesPath */
  resourcesPath: string;
}

export interface StartupPaths {
  dataDir: string;
  resourcesDir: string;
  rendererDir: string;
  preload: string;
  coreProcess: string;
  /** better_sqlite3.node built for Electron's ABI; undefined: better-sqlite3's own lookup */
  nativeBinding: string | undefined;
}

export function startupPaths(input: StartupInput): StartupPaths {
  const fromArgs = argValue(input.argv, 'data-dir') ?? input.env.POLICYDESK_DATA_DIR;
  const dataDir = path.resolve(fromArgs && fromArgs !== '' ? fromArgs : path.join(input.appDataDir, DATA_FOLDER));
  // A packaged app loads native code only from its own resources: an environment variable or a
  // switch that named another .node file would let anyone run code inside the workstation.
  const devBinding = argValue(input.argv, 'native-binding') ?? input.env.POLICYDESK_NATIVE_BINDING;
  const nativeBinding = input.isPackaged
    ? path.join(input.resourcesPath, 'native', 'better_sqlite3.node')
    : devBinding
      ? path.resolve(devBinding)
      : undefined;
  return {
    dataDir,
    resourcesDir: input.isPackaged ? path.join(input.resourcesPath, 'resources') : path.resolve(input.mainDir, '../../resources'),
    rendererDir: path.resolve(input.mainDir, '../renderer'),
    preload: path.resolve(input.mainDir, '../preload/index.cjs'),
    coreProcess: path.resolve(input.mainDir, 'core-process.js'),
    nativeBinding,
  };
}

/** The utility process's argv (read by electron/utility/core-host.ts configFromArgv). */
export function coreProcessArgs(paths: StartupPaths, version: string): string[] {
  const args = ['--data-dir', paths.dataDir, '--resources-dir', paths.resourcesDir, '--app-version', version];
  if (paths.nativeBinding) args.push('--native-binding', paths.nativeBinding);
  return args;
}
