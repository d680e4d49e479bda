import os from 'node:os';
import path from 'node:path';
import { DATA_FOLDER } from '@shared/app/args';

/** The OS user-data folder, the same place Electron's app.getPath('userData') points to. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), DATA_FOLDER);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', DATA_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), DATA_FOLDER);
}
