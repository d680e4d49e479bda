import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/headers';
import { APP_SCHEME_PRIVILEGES, handleAppRequest, resolveAppPath } from '../../electron/main/app-protocol';
import {
  APP_START_URL, isAllowedFrameNavigation, isAllowedNavigation, isAppUrl, isPermissionCheckAllowed, isPermissionRequestAllowed, isTrustedSender,
} from '../../electron/main/security';
import { coreProcessArgs, startupPaths } from '../../electron/main/startup';
import { MIN_HEIGHT, MIN_WIDTH, mainWindowOptions } from '../../electron/main/window-options';

// The main process's guards are pure functions (electron/main/security.ts, app-protocol.ts,
// window-options.ts, startup.ts), so they are proved here without the Electron binary.

describe('main window options', () => {
  const opts = mainWindowOptions({ preload: '/app/out/preload/index.cjs', title: '惠企政策窗口工作台', devTools: false });
  const web = opts.webPreferences!;

  it('isolate and sandbox the page, with no Node in it', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(web.devTools).toBe(false);
  });

  it('keep the window at least 1280×720 with the product title', () => {
    expect([opts.minWidth, opts.minHeight]).toEqual([1280, 720]);
    expect([MIN_WIDTH, MIN_HEIGHT]).toEqual([1280, 720]);
    expect(opts.width! >= 1280 && opts.height! >= 720).toBe(true);
    expect(opts.title).toBe('惠企政策窗口工作台');
  });
});

describe('app:// protocol', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'policydesk-proto-'));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    outside = path.join(base, 'secret.txt');
    fs.writeFileSync(outside, 'SECRET');
    // a sibling folder whose name starts like the root's
    fs.mkdirSync(path.join(base, 'renderer-evil'));
    fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'SECRET');
  });
  afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handleAppRequest({ url, method }, root);

  it('is a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
  });

  it('serves the app shell and assets with the CSP and the other security headers', async () => {
    for (const url of [APP_START_URL, 'app://policydesk/', 'app://policydesk/some/route']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text()).toContain('<div id="root">');
    }
    const js = await get('app://policydesk/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const head = await get('app://policydesk/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses path traversal in every spelling, and sets the CSP on the refusal', async () => {
    const attempts = [
      'app://policydesk/%2e%2e/secret.txt',
      'app://policydesk/%2E%2E%2Fsecret.txt',
      'app://policydesk/assets/..%2F..%2Fsecret.txt',
      'app://policydesk/..%5csecret.txt',
      'app://policydesk/%5c..%5c..%5csecret.txt',
      'app://policydesk/..%2f..%2frenderer-evil%2fx.js',
      'app://policydesk/C:%5cWindows%5cwin.ini',
      'app://policydesk/assets/app.js%00.html',
    ];
    for (const url of attempts) {
      // refused outright, or (where the URL parser already removed the dot segments) kept inside the root
      const target = resolveAppPath(url, root);
      if (target.ok) expect(target.file.startsWith(root + path.sep), url).toBe(true);
      const res = await get(url);
      expect([400, 403, 404], url).toContain(res.status);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(await res.text(), url).not.toContain('SECRET');
    }
    // encoded slashes and backslashes are refused outright
    expect(resolveAppPath('app://policydesk/assets/..%2F..%2Fsecret.txt', root).ok).toBe(false);
    expect(resolveAppPath('app://policydesk/..%5csecret.txt', root).ok).toBe(false);
    // the URL parser's own dot-segment removal keeps plain ../ inside the root
    const plain = resolveAppPath('app://policydesk/../../secret.txt', root);
    expect(plain.ok && plain.file.startsWith(root + path.sep)).toBe(true);
    expect(await (await get('app://policydesk/../../secret.txt')).text()).not.toContain('SECRET');
  });

  it('answers only for app://policydesk, GET and HEAD, and 404 for a missing file', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('file:///etc/passwd')).status).toBe(403);
    expect((await get(APP_START_URL, 'POST')).status).toBe(405);
    const missing = await get('app://policydesk/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await get('app://policydesk/%E0%A4%A')).status).toBe(400);
  });
});

describe('permission handlers', () => {
  const ALL = [
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
    'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal',
    'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
    'hid', 'serial', 'usb',
  ];

  it("allow only 'media' (the document camera) for our own page", () => {
    for (const p of ALL) {
      expect(isPermissionRequestAllowed(p, { requestingUrl: APP_START_URL, mediaTypes: ['video'] }), p).toBe(p === 'media');
      expect(isPermissionCheckAllowed(p, 'app://policydesk', { mediaType: 'video' }), p).toBe(p === 'media');
    }
  });

  it('refuse the camera to any other origin, and the microphone to everyone', () => {
    expect(isPermissionRequestAllowed('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(isPermissionRequestAllowed('media', { requestingUrl: 'file:///tmp/x.html', mediaTypes: ['video'] })).toBe(false);
    expect(isPermissionRequestAllowed('media', { requestingUrl: APP_START_URL, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionCheckAllowed('media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(isPermissionCheckAllowed('media', 'app://policydesk', { mediaType: 'audio' })).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('accepts only our own top-level app:// frame', () => {
    expect(isTrustedSender({ senderFrame: { url: APP_START_URL, parent: null } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://policydesk/#/consultations', parent: null } })).toBe(true);
  });

  it('refuses other schemes, other hosts, sub-frames and vanished frames', () => {
    expect(isTrustedSender({ senderFrame: { url: 'https://evil.example/', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'file:///work/main/out/renderer/index.html', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'http://127.0.0.1:5173/', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://evil/index.html', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: 'app://user:pw@policydesk/', parent: null } })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: APP_START_URL, parent: { url: APP_START_URL } } })).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
    expect(isTrustedSender({ senderFrame: { url: '', parent: null } })).toBe(false);
  });

  it('navigation stays on app://policydesk', () => {
    expect(isAllowedNavigation('app://policydesk/index.html#/x')).toBe(true);
    for (const url of ['https://www.gov.cn/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'data:text/html,x', 'about:blank']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('a sub-frame may show a PDF our own page generated, and nothing from outside', () => {
    expect(isAllowedFrameNavigation('blob:app://policydesk/6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11')).toBe(true);
    expect(isAllowedNavigation('blob:app://policydesk/6f1c2a4e-0b7d-4c1e-9a3f-2d5e8b9c0a11')).toBe(false);
    for (const url of ['blob:https://evil.example/1', 'blob:null/1', 'https://www.gov.cn/x.pdf', 'data:application/pdf;base64,AA==']) {
      expect(isAllowedFrameNavigation(url), url).toBe(false);
    }
  });
});

describe('startup paths', () => {
  const base = {
    env: {},
    appDataDir: '/home/clerk/.config',
    mainDir: '/opt/app/out/main',
    resourcesPath: '/opt/PolicyDesk/resources',
  };

  it('--data-dir overrides the user-data folder; the default is <appData>/PolicyDesk', () => {
    const dev = startupPaths({ ...base, argv: ['electron', '.', '--data-dir', '/tmp/pd'], isPackaged: false });
    expect(dev.dataDir).toBe(path.resolve('/tmp/pd'));
    expect(startupPaths({ ...base, argv: ['x', '--data-dir=/srv/pd'], isPackaged: true }).dataDir).toBe(path.resolve('/srv/pd'));
    expect(startupPaths({ ...base, argv: ['x'], isPackaged: true }).dataDir).toBe(path.resolve('/home/clerk/.config/PolicyDesk'));
    expect(dev.preload).toBe(path.resolve('/opt/app/out/preload/index.cjs'));
    expect(dev.coreProcess).toBe(path.resolve('/opt/app/out/main/core-process.js'));
    expect(dev.rendererDir).toBe(path.resolve('/opt/app/out/renderer'));
    expect(dev.resourcesDir).toBe(path.resolve('/opt/app/resources'));
  });

  it('a packaged app loads native code only from its own resources', () => {
    const evil = { ...base, env: { POLICYDESK_NATIVE_BINDING: '/tmp/evil.node' }, argv: ['x', '--native-binding', '/tmp/evil2.node'] };
    const packaged = startupPaths({ ...evil, isPackaged: true });
    expect(packaged.nativeBinding).toBe(path.join('/opt/PolicyDesk/resources', 'native', 'better_sqlite3.node'));
    expect(packaged.resourcesDir).toBe(path.join('/opt/PolicyDesk/resources', 'resources'));
    expect(startupPaths({ ...evil, argv: [], isPackaged: false }).nativeBinding).toBe(path.resolve('/tmp/evil.node'));
  });

  it('hands the core its folders on its argv', () => {
    const paths = startupPaths({ ...base, argv: ['x', '--data-dir', '/d'], isPackaged: false, env: { POLICYDESK_NATIVE_BINDING: '/n.node' } });
    const args = coreProcessArgs(paths, '1.2.3');
    expect(args).toEqual(['--data-dir', path.resolve('/d'), '--resources-dir', path.resolve('/opt/app/resources'), '--app-version', '1.2.3', '--native-binding', path.resolve('/n.node')]);
  });
});
