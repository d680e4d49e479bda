import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';

// Runs workstation-child.ts as its own process and kills it (SIGKILL) in a chosen phase. The child
// is bundled once (all but the native modules), so a restart costs a node start, not a TypeScript
// compile of the whole core.

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'node_modules/.cache/policydesk-fault/workstation-child.cjs');

export async function bundleChild(): Promise<string> {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await build({
    entryPoints: [path.join(import.meta.dirname, 'workstation-child.ts')],
    outfile: OUT,
    bundle: true,
    minify: true,
    platform: 'node',
    // CommonJS: Node starts an 8 MB CommonJS bundle in about a third of the time of the same as ESM
    format: 'cjs',
    target: 'node20',
    // native modules, and packages that load files beside their own code (wasm)
    external: ['better-sqlite3', 'sharp', 'subset-font'],
    alias: { '@shared': path.join(ROOT, 'shared') },
    logLevel: 'warning',
  });
  return OUT;
}

export type Phase = 'push' | 'upload' | 'idle' | 'starting';

export interface KillPlan {
  /** the phase to kill in */
  phase: 'push' | 'upload';
  /** its n-th entry in this run (1 = the first) */
  nth: number;
  /** how long after entering it */
  afterMs: number;
}

export interface RunResult {
  /** killed, and the phase the child had last reported when the signal went */
  killedIn: Phase | null;
  /** ms from spawn to the child's "started" line */
  startMs: number | null;
  /** ms from spawn to "made" (the records written), and to the end */
  madeMs: number | null;
  endMs: number;
  exitCode: number | null;
  lines: string[];
  stderr: string;
}

/** One life of the child: until it is done, fails, or is killed as planned. Bounded by `limitMs`. */
export function runChild(entry: string, args: string[], kill: KillPlan | null, limitMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let phase: Phase = 'starting';
    let startMs: number | null = null;
    let madeMs: number | null = null;
    let entries = 0;
    let killedIn: Phase | null = null;
    let timer: NodeJS.Timeout | null = null;
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the workstation child ran over ${limitMs} ms; its output:\n${lines.join('\n')}\n${stderr.slice(-1500)}`));
    }, limitMs);
    const killNow = () => {
      if (killedIn || child.exitCode !== null) return;
      killedIn = phase;
      child.kill('SIGKILL');
    };
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line === 'started') startMs = Date.now() - t0;
      if (line === 'made') madeMs = Date.now() - t0;
      if (!line.startsWith('phase ')) return;
      phase = line.slice(6) as Phase;
      if (kill && phase === kill.phase && ++entries === kill.nth && !timer) {
        timer = setTimeout(killNow, kill.afterMs);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(limit);
      if (timer) clearTimeout(timer);
      resolve({ killedIn, startMs, madeMs, endMs: Date.now() - t0, exitCode: code, lines, stderr });
    });
  });
}
