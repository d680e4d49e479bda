// Pure checks behind the main process's guards (no 'electron' import, so tests run them in Node).

export const APP_SCHEME = 'app';
export const APP_HOST = 'policydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one page the window ever shows. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** true only for app://policydesk/… (our UI, served by ./app-protocol.ts). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** What an IPC handler knows about who called it (the parts of IpcMainInvokeEvent we check). */
export interface SenderFrameInfo {
  url: string;
  /** null for a top-level frame */
  parent: unknown;
}
export interface SenderInfo {
  senderFrame: SenderFrameInfo | null;
}

/**
 * An API call is answered only for our own top-level page: the sending frame still exists, is the
 * main frame (not an iframe) and shows app://policydesk/. Anything else gets BAD_ORIGIN.
 */
export function isTrustedSender(event: SenderInfo): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAppUrl(frame.url);
}

/** The window never leaves the app: links, redirects and scripts cannot navigate it elsewhere. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * A sub-frame may also show a PDF the app itself generated: a blob: URL made by our own page
 * (blob:app://policydesk/…), as the document previews use. Nothing from outside.
 */
export function isAllowedFrameNavigation(url: string): boolean {
  return isAppUrl(url) || (url.startsWith('blob:') && isAppUrl(url.slice(5)));
}

/**
 * Permission requests: everything is refused except camera access ('media' with video only) for
 * our own page, which the 高拍仪 document camera needs. Microphone, screen, location, notifications,
 * USB, HID, serial, clipboard reading … are all refused.
 */
export function isPermissionRequestAllowed(
  permission: string,
  details: { requestingUrl?: string; mediaTypes?: readonly string[] },
): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(details.requestingUrl)) return false;
  return (details.mediaTypes ?? []).every((t) => t === 'video');
}

/** The synchronous permission checks Chromium makes: same rule as requests. */
export function isPermissionCheckAllowed(
  permission: string,
  requestingOrigin: string,
  details: { mediaType?: string; securityOrigin?: string },
): boolean {
  if (permission !== 'media') return false;
  if (!isAppUrl(requestingOrigin) && !isAppUrl(details.securityOrigin)) return false;
  return details.mediaType !== 'audio';
}
