import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppError, httpStatusOf, type Result } from '@shared/api/errors';
import { SECURITY_HEADERS } from '@shared/security/headers';
import type { Dispatch } from '../core/api/dispatch';

// The local web host: the same core behind HTTP on 127.0.0.1 only. Every API call must carry the
// per-start token and come from our own origin; the rendered UI is static files from the build.

export interface WebHostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  /** the address to open: carries the token once; the page keeps it for the session */
  openUrl: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** file imports (policy library, enterprise CSV/XLSX) carry the file itself */
const MAX_IMPORT_BODY = 80 * 1024 * 1024;
/** methods that carry files besides the imports: scanned pages, camera captures, dropped files */
const LARGE_BODIES = new Set(['applicationPagesAdd']);
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.pdf': 'application/pdf',
};

function send(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

const fail = (res: http.ServerResponse, e: AppError) => send(res, httpStatusOf(e.code), { ok: false, error: e.toData() });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Reads a JSON body up to `limit`; a larger one is read to its end and discarded, then refused. */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => (size > limit ? reject(new AppError('BAD_REQUEST')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(opts.rendererDir);
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return fail(res, new AppError('BAD_REQUEST'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return fail(res, new AppError('BAD_ORIGIN'));
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) return fail(res, new AppError('HOST_TOKEN'));
    // only JSON: a plain HTML form from another site cannot send this content type
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return fail(res, new AppError('BAD_REQUEST'));
    let input: unknown;
    try {
      const body = await readBody(req, LARGE_BODIES.has(method) || method.endsWith('Import') ? MAX_IMPORT_BODY : MAX_BODY);
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return fail(res, new AppError('BAD_REQUEST'));
    }
    const session = req.headers['x-session'];
    const result = await opts.dispatch(method, input, typeof session === 'string' ? session : null);
    send(res, result.ok ? 200 : httpStatusOf(result.error.code as AppError['code']), result);
  }

  function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    let file = path.resolve(rendererDir, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(rendererDir + path.sep) && file !== rendererDir) {
      res.writeHead(403, SECURITY_HEADERS).end();
      return;
    }
    // a client-side route: the app shell answers
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('界面文件缺失：请先运行 npm run build。');
      return;
    }
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    const cache = file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': cache });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 is turned away
    if (!allowedHosts().includes(req.headers.host ?? '')) return fail(res, new AppError('BAD_ORIGIN'));
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const api = /^\/api\/([A-Za-z0-9_]{1,64})$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!).catch((e) => fail(res, e instanceof AppError ? e : new AppError('INTERNAL')));
      return;
    }
    if (url.pathname.startsWith('/api/')) return fail(res, new AppError('UNKNOWN_METHOD', { method: url.pathname.slice(5, 60) }));
    serveStatic(req, res, url.pathname);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url, port, token, openUrl: `${url}/?token=${token}`,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
