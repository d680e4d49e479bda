import type { Result } from '@shared/api/errors';

// The signed-in session of each window, kept in the main process (the renderer never holds it):
// remembered when signIn / setupAdmin succeed, forgotten on signOut, on UNAUTHENTICATED, when the
// window closes and when a crashed core is replaced (its sessions died with it).

export class WindowSessions {
  private readonly byWindow = new Map<number, string>();

  get(webContentsId: number): string | null {
    return this.byWindow.get(webContentsId) ?? null;
  }

  /** Updates the window's session from a call's outcome. */
  update(webContentsId: number, method: string, result: Result<unknown>): void {
    if (method === 'signOut' || (!result.ok && result.error.code === 'UNAUTHENTICATED')) {
      this.byWindow.delete(webContentsId);
      return;
    }
    if (result.ok && (method === 'signIn' || method === 'setupAdmin')) {
      const sessionId = (result.value as { sessionId?: unknown } | null)?.sessionId;
      if (typeof sessionId === 'string' && sessionId !== '') this.byWindow.set(webContentsId, sessionId);
    }
  }

  forget(webContentsId: number): void {
    this.byWindow.delete(webContentsId);
  }

  clear(): void {
    this.byWindow.clear();
  }
}
