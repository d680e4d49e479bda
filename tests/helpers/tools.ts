import { execFileSync } from 'node:child_process';

/** A test that needs a system tool fails, saying which and how to get it (.ci/run installs it). */
export function requireTool(name: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} is not installed (apt-get install poppler-utils); .ci/run installs it`);
  }
}
