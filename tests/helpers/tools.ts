import { execFileSync } from 'node:child_process';

const has = (name: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** A test that needs a system tool fails, saying which and how to get it (.ci/run installs it). */
export function requireTool(name: string, aptPackage = 'poppler-utils'): void {
  if (!has(name)) throw new Error(`${name} is not installed (apt-get install ${aptPackage}); .ci/run installs it`);
}

/**
 * For `describe.skipIf(missingTool(…))`: on a developer's machine without the tool the tests are
 * skipped with the reason printed; in CI (CI=true) they run and fail (call requireTool in them).
 */
export function missingTool(name: string, aptPackage: string): boolean {
  if (has(name) || process.env.CI === 'true') return false;
  console.warn(`[skipped] ${name} is not installed (apt-get install ${aptPackage}); .ci/run installs it and runs these tests`);
  return true;
}
