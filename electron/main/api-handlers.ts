import type { MethodName } from '@shared/api/contract';
import { AppError, type Result } from '@shared/api/errors';
import { ipcChannel, METHOD_NAME_LIST } from '@shared/api/method-names';
import { isTrustedSender, type SenderFrameInfo } from './security';
import type { WindowSessions } from './window-sessions';

// One ipcMain.handle per contract method ('api:<method>'), made by looping over the method list.
// Each checks the sending frame, relays to the core with the window's session and returns its Result.

export interface ApiEvent {
  sender: { id: number };
  senderFrame: SenderFrameInfo | null;
}

export interface ApiDeps {
  core: { call(method: string, input: unknown, sessionId: string | null): Promise<Result<unknown>> };
  sessions: WindowSessions;
}

export function apiHandler(method: MethodName, deps: ApiDeps): (event: ApiEvent, input: unknown) => Promise<Result<unknown>> {
  return async (event, input) => {
    if (!isTrustedSender(event)) return { ok: false, error: new AppError('BAD_ORIGIN').toData() };
    const windowId = event.sender.id;
    const result = await deps.core.call(method, input, deps.sessions.get(windowId));
    deps.sessions.update(windowId, method, result);
    return result;
  };
}

/** Registers every channel; `handle` is ipcMain.handle. */
export function registerApiHandlers(
  handle: (channel: string, listener: (event: ApiEvent, input: unknown) => Promise<Result<unknown>>) => void,
  deps: ApiDeps,
): string[] {
  return METHOD_NAME_LIST.map((method) => {
    const channel = ipcChannel(method);
    handle(channel, apiHandler(method, deps));
    return channel;
  });
}
