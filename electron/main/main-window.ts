import { BrowserWindow } from 'electron';
import { t } from '@shared/i18n';
import { APP_START_URL } from './security';
import { mainWindowOptions } from './window-options';

// The workstation's one window: sandboxed, isolated, showing app://policydesk/index.html.

export function createMainWindow(opts: {
  preload: string;
  devTools: boolean;
  onClosed: (webContentsId: number) => void;
  log: (message: string) => void;
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ preload: opts.preload, title: t('app.title'), devTools: opts.devTools }));
  const id = win.webContents.id;
  // the title is the product's, whatever the page's <title> says
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  // a crashed page is reloaded (the sign-in is kept in main), but not in an endless loop
  let reloads: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    reloads = reloads.filter((t0) => now - t0 < 60_000);
    if (reloads.length >= 3) {
      opts.log(`the window's renderer ended again (${details.reason}); not reloading`);
      return;
    }
    reloads.push(now);
    opts.log(`the window's renderer ended (${details.reason}); reloading`);
    void win.loadURL(APP_START_URL);
  });
  win.webContents.once('destroyed', () => opts.onClosed(id));
  void win.loadURL(APP_START_URL);
  return win;
}
