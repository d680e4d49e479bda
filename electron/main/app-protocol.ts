import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { SECURITY_HEADERS } from '@shared/security/headers';
import { APP_HOST, APP_SCHEME } from './security';

// The app:// protocol: the built renderer (out/renderer) served to the window, never file://.
// Pure apart from reading files, so tests run it in Node with the global Request/Response.

/** Privileges for protocol.registerSchemesAsPrivileged (a standard, secure origin for ES modules). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  stream: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.pdf': 'application/pdf',
  '.wasm': 'application/wasm', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
};

export type AppPath = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 | 405 };

/**
 * Maps a request to a file under rootDir. Refuses other hosts and schemes (403), anything that
 * would leave rootDir after decoding — `..`, encoded slashes or backslashes, NUL — (403 / 400),
 * and methods other than GET and HEAD (405). A path without an extension is a client-side route:
 * the app shell (index.html) answers it.
 */
export function resolveAppPath(requestUrl: string, rootDir: string, method = 'GET'): AppPath {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0')) return { ok: false, status: 400 };
  const segments = pathname.split(/[/\\]+/).filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return { ok: false, status: 403 };
  const root = path.resolve(rootDir);
  const rel = segments.length === 0 ? 'index.html' : segments.join(path.sep);
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return { ok: false, status: 403 };
  if (path.extname(file) === '') return { ok: true, file: path.join(root, 'index.html') };
  return { ok: true, file };
}

const headers = (extra: Record<string, string>): Headers => new Headers({ ...SECURITY_HEADERS, ...extra });

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }) });
}

/** The protocol.handle('app', …) handler. Every response, errors included, carries the CSP. */
export async function handleAppRequest(
  request: Pick<Request, 'url' | 'method'>,
  rootDir: string,
  readFile: (file: string) => Promise<Uint8Array> = (f) => fsp.readFile(f),
): Promise<Response> {
  const target = resolveAppPath(request.url, rootDir, request.method);
  if (!target.ok) return plain(target.status, target.status === 405 ? 'Method Not Allowed' : target.status === 400 ? 'Bad Request' : 'Forbidden');
  let body: Uint8Array;
  try {
    body = await readFile(target.file);
  } catch {
    const isShell = path.basename(target.file) === 'index.html';
    return plain(404, isShell ? '界面文件缺失：请先运行 npm run build。 / The UI is not built: run npm run build.' : 'Not Found');
  }
  const isShell = path.basename(target.file) === 'index.html';
  const h = headers({
    'Content-Type': MIME[path.extname(target.file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': isShell ? 'no-store' : 'no-cache',
  });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: h });
}
