import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback HTTP front before the real centre that answers chosen requests itself (a 500, a 400)
// or changes them on the way, and passes everything else on unchanged — a load balancer or a
// gateway misbehaving. The test sets `rule` per case.

export interface FrontRequest {
  method: string;
  /** path and query, e.g. /v1/push */
  path: string;
  body: Buffer;
}

export type FrontAction =
  /** answer this instead of the centre (JSON) */
  | { answer: number; body: unknown }
  /** pass on this body instead */
  | { forward: Buffer }
  /** pass it on, then answer this instead of the centre's answer (the answer lost on the way back) */
  | { forwardThenAnswer: number; body: unknown };

export type FrontRule = (req: FrontRequest) => FrontAction | null;

/** headers that belong to one hop, not to the request or answer */
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding']);

export class StatusFront {
  private server: http.Server | null = null;
  rule: FrontRule = () => null;
  /** requests seen, `METHOD /path` */
  readonly seen: string[] = [];

  constructor(private readonly centreUrl: string) {}

  url = '';

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.handle({ method: req.method!, path: req.url!, body: Buffer.concat(chunks) }, req.headers, res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.server = server;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: FrontRequest, headers: http.IncomingHttpHeaders, res: http.ServerResponse): Promise<void> {
    this.seen.push(`${req.method} ${req.path.split('?')[0]}`);
    const action = this.rule(req);
    try {
      if (action && 'answer' in action) return json(res, action.answer, action.body);
      const body = action && 'forward' in action ? action.forward : req.body;
      const upstream = await fetch(`${this.centreUrl}${req.path}`, {
        method: req.method,
        headers: Object.entries(headers).flatMap(([k, v]) => (HOP.has(k) || v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]])),
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body),
      });
      const answer = Buffer.from(await upstream.arrayBuffer());
      if (action && 'forwardThenAnswer' in action) return json(res, action.forwardThenAnswer, action.body);
      const out: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!HOP.has(k)) out[k] = v;
      });
      // HEAD answers keep the centre's Content-Length (whether it has a blob, and its size)
      const length = upstream.headers.get('content-length');
      if (req.method === 'HEAD' && length) out['content-length'] = length;
      res.writeHead(upstream.status, out).end(req.method === 'HEAD' ? undefined : answer);
    } catch (e) {
      json(res, 502, { code: 'bad_gateway', detail: String(e) });
    }
  }
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
