import type { BrowserWindowConstructorOptions } from 'electron';

// The main window's options, as data (tests check them without the Electron binary).

export const MIN_WIDTH = 1280;
export const MIN_HEIGHT = 720;

export function mainWindowOptions(opts: { preload: string; title: string; devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: opts.title,
    width: 1440,
    height: 900,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Chromium's PDF viewer, for previewing the documents the app generates (blob: frames only)
      plugins: true,
      devTools: opts.devTools,
    },
  };
}
