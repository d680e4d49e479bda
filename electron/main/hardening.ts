import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isAllowedFrameNavigation, isPermissionCheckAllowed, isPermissionRequestAllowed } from './security';

// Applied to every webContents the app ever makes (app 'web-contents-created') and to the session:
// no new windows, no navigation away from app://, no <webview>, no permissions but the camera.

export function hardenWebContents(contents: WebContents, log: (message: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused to open a window: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log(`refused to navigate to ${event.url.slice(0, 200)}`);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    const allowed = event.isMainFrame ? isAllowedNavigation(event.url) : isAllowedFrameNavigation(event.url);
    if (!allowed) {
      event.preventDefault();
      log(`refused a frame navigation to ${event.url.slice(0, 200)}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused to attach a <webview>');
  });
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionRequestAllowed(permission, { requestingUrl: details.requestingUrl, mediaTypes }));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, details),
  );
  // USB / HID / serial devices: none (the document camera is a UVC camera, reached through 'media')
  ses.setDevicePermissionHandler(() => false);
}
