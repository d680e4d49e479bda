import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, session, utilityProcess } from 'electron';
import { registerApiHandlers } from './api-handlers';
import { APP_SCHEME_PRIVILEGES, handleAppRequest } from './app-protocol';
import { CoreClient, type CoreProcess } from './core-client';
import { hardenSession, hardenWebContents } from './hardening';
import { createMainWindow } from './main-window';
import { answerHostPrint } from './print/host-print-service';
import { listDevicesWithElectron, printPdfWithElectron } from './print/print-pdf-window';
import { APP_SCHEME } from './security';
import { coreProcessArgs, startupPaths } from './startup';
import { WindowSessions } from './window-sessions';

// Electron main process: one window, the app:// protocol, and the relay between the window's IPC
// and the core in its utilityProcess. Behaviour lives in the core; this file only wires.

const log = (message: string, error?: unknown) => console.error(`[main] ${message}`, error ?? '');

// before 'ready': the scheme must be known as a standard, secure origin, and every renderer sandboxed
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

const paths = startupPaths({
  argv: process.argv,
  env: process.env,
  isPackaged: app.isPackaged,
  appDataDir: app.getPath('appData'),
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  resourcesPath: process.resourcesPath,
});
// One workstation per data folder: the lock lives in userData. Chromium's own files go to a
// subfolder so they do not mix with the database.
app.setPath('userData', paths.dataDir);
app.setPath('sessionData', path.join(paths.dataDir, 'chromium'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const sessions = new WindowSessions();
  const core = new CoreClient({
    fork: (): CoreProcess =>
      utilityProcess.fork(paths.coreProcess, coreProcessArgs(paths, app.getVersion()), {
        serviceName: 'PolicyDesk core',
        stdio: 'inherit',
      }),
    onRestart: () => sessions.clear(),
    // the core prints through Electron's print path: explicit page size, the chosen printer
    onHostRequest: (message) => answerHostPrint(message, { devices: listDevicesWithElectron, print: printPdfWithElectron }),
    log,
  });
  let mainWindow: BrowserWindow | null = null;

  const openWindow = () => {
    mainWindow = createMainWindow({
      preload: paths.preload,
      devTools: !app.isPackaged,
      onClosed: (id) => sessions.forget(id),
      log,
    });
    mainWindow.on('closed', () => (mainWindow = null));
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

  app.whenReady().then(
    () => {
      protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, paths.rendererDir));
      hardenSession(session.defaultSession);
      core.start();
      registerApiHandlers((channel, listener) => ipcMain.handle(channel, listener), { core, sessions });
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    },
    (e: unknown) => log('could not start', e),
  );

  // a counter workstation: closing the window ends the program on every platform
  app.on('window-all-closed', () => app.quit());

  // close the core (and its database) before leaving
  let coreStopped = false;
  app.on('will-quit', (event) => {
    if (coreStopped || !core.running) return;
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });
}
