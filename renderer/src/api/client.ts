import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { AppErrorData, Result } from '@shared/api/errors';
import { t } from '@shared/i18n';

// The renderer's one way to the core. It is made from the shared contract and does not know
// whether it speaks IPC (Electron) or HTTP (the local web host).

export type Transport = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

/** What the Electron preload puts on window (see electron/preload). */
export interface PolicyDeskBridge {
  api: Record<MethodName, (input: unknown) => Promise<Result<unknown>>>;
}
declare global {
  interface Window {
    policyDesk?: PolicyDeskBridge;
  }
}

const TOKEN_KEY = 'policydesk.token';
const SESSION_KEY = 'policydesk.session';

/** Local web host: token from the address it was opened with (kept for this tab), session per tab. */
export function httpTransport(loc: Location = window.location, store: Storage = window.sessionStorage): Transport {
  const fromUrl = new URLSearchParams(loc.search).get('token');
  if (fromUrl) {
    store.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', loc.pathname + loc.hash);
  }
  return async (method, input) => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${store.getItem(TOKEN_KEY) ?? ''}`,
    };
    const session = store.getItem(SESSION_KEY);
    if (session) headers['X-Session'] = session;
    let result: Result<unknown>;
    try {
      const res = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      result = (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'NETWORK', message: t('error.NETWORK') } };
    }
    if (result.ok && (method === 'signIn' || method === 'setupAdmin')) store.setItem(SESSION_KEY, (result.value as { sessionId: string }).sessionId);
    if (method === 'signOut' || (!result.ok && result.error.code === 'UNAUTHENTICATED')) store.removeItem(SESSION_KEY);
    return result;
  };
}

/** Electron: the preload's typed bridge; the main process keeps the session for this window. */
export function ipcTransport(bridge: PolicyDeskBridge): Transport {
  return (method, input) => bridge.api[method](input);
}

export class ApiError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData) {
    super(data.message);
    this.data = data;
  }
}

export type Api = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export function createApi(transport: Transport): Api {
  return new Proxy({} as Api, {
    get: (_target, method: string) => async (input: unknown) => {
      const r = await transport(method as MethodName, input);
      if (!r.ok) throw new ApiError(r.error);
      return r.value;
    },
  });
}

export const api: Api = createApi(window.policyDesk ? ipcTransport(window.policyDesk) : httpTransport());
