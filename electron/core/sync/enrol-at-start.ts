import os from 'node:os';
import type { SyncEngine } from './sync-engine';

// `npm start` with no centre configured runs an embedded centre on loopback (scripts/start.mjs,
// server/embedded.ts) and hands the host its address and a one-time code in the environment; the
// core then enrols itself once, as an administrator would with 同步设置 → 注册. A workstation that is
// already enrolled (with this centre or a real one) ignores it.

export interface EnrolAtStart {
  centreUrl: string;
  code: string;
  deviceName: string;
}

/** The enrolment the starter asked for, from POLICYDESK_CENTRE_URL / _ENROL_CODE / _DEVICE_NAME. */
export function enrolmentFromEnv(env: NodeJS.ProcessEnv = process.env): EnrolAtStart | undefined {
  const centreUrl = env.POLICYDESK_CENTRE_URL?.trim();
  const code = env.POLICYDESK_ENROL_CODE?.trim();
  if (!centreUrl || !code) return undefined;
  return { centreUrl, code, deviceName: env.POLICYDESK_DEVICE_NAME?.trim() || `${os.hostname()} 工作台`.slice(0, 60) };
}

/** Enrols in the background if this workstation has no centre yet; a failure is logged, the work goes on offline. */
export function enrolIfNew(engine: SyncEngine, e: EnrolAtStart, log: (message: string, error?: unknown) => void): void {
  if (engine.status().state !== 'not_enrolled') return;
  engine.enrol(e).then(
    () => log(`sync: enrolled at start with ${e.centreUrl}`),
    (err: unknown) => log(`sync: enrolment at start with ${e.centreUrl} failed; an administrator can enrol in 同步设置`, err),
  );
}
