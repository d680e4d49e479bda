import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, METHOD_NAME_LIST } from '@shared/api/method-names';

// The sandboxed preload: exactly one function per contract method, each an ipcRenderer.invoke on
// 'api:<method>'. ipcRenderer itself is never exposed. Uses the plain name list, not the contract,
// so zod stays out of this bundle. Shape expected by renderer/src/api/client.ts (PolicyDeskBridge).

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of METHOD_NAME_LIST) {
  const channel = ipcChannel(method);
  api[method] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('policyDesk', { api: Object.freeze(api) });
