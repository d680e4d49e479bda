import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { Result } from '@shared/api/errors';
import type { RunningHost } from '../../helpers/web-host-process';

/**
 * Calls the web host's API from the test process, as the renderer does, for the set-up a test
 * is not about (accounts, earlier records). The steps under test go through the UI.
 */
export async function callApi<M extends MethodName>(host: RunningHost, method: M, input: MethodInput<M>, session?: string): Promise<MethodOutput<M>> {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...(session ? { 'X-Session': session } : {}) },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as Result<MethodOutput<M>>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

export const ADMIN = { username: 'admin', displayName: '王主任', password: 'Admin2026ok' };

/** First run through the API: the centre and its administrator; returns the admin's session. */
export async function setUpCentre(host: RunningHost): Promise<string> {
  const s = await callApi(host, 'setupAdmin', { centreName: '高新区企业服务中心', ...ADMIN });
  return s.sessionId;
}

export async function createStaff(host: RunningHost, adminSession: string, staff: MethodInput<'staffCreate'>): Promise<void> {
  await callApi(host, 'staffCreate', staff, adminSession);
}
