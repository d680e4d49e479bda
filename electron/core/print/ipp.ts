import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

// Just enough IPP (RFC 8010 encoding) to ask CUPS for one job's attributes. lpstat lists jobs but
// never prints their state: a completed, a cancelled and an aborted job look alike there
// (CUPS 2.4 even leaves "processing-to-stop-point" in job-state-reasons of finished jobs). IPP's
// Get-Job-Attributes answers job-state exactly, from the same cupsd that lp talks to.

export type IppValue = number | string | boolean;
export type IppAttributes = Map<string, IppValue[]>;

const TAG = {
  operation: 0x01, end: 0x03, job: 0x02,
  integer: 0x21, boolean: 0x22, enum: 0x23,
  keyword: 0x44, uri: 0x45, charset: 0x47, naturalLanguage: 0x48, nameWithoutLanguage: 0x42,
} as const;
const STRING_TAGS = new Set([0x41, 0x42, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49]);

export const OP_GET_JOB_ATTRIBUTES = 0x0009;

function attr(tag: number, name: string, values: readonly (string | number)[]): Buffer {
  const parts: Buffer[] = [];
  values.forEach((v, i) => {
    const n = Buffer.from(i === 0 ? name : '', 'utf8');
    const value = typeof v === 'number' ? Buffer.alloc(4) : Buffer.from(v, 'utf8');
    if (typeof v === 'number') value.writeInt32BE(v);
    const head = Buffer.alloc(3);
    head.writeUInt8(tag, 0);
    head.writeUInt16BE(n.length, 1);
    const len = Buffer.alloc(2);
    len.writeUInt16BE(value.length);
    parts.push(head, n, len, value);
  });
  return Buffer.concat(parts);
}

/** A Get-Job-Attributes request (IPP/1.1, which every CUPS answers). */
export function encodeGetJobAttributes(jobId: number, user: string, requested: readonly string[], requestId = 1): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt8(1, 0);
  head.writeUInt8(1, 1);
  head.writeUInt16BE(OP_GET_JOB_ATTRIBUTES, 2);
  head.writeUInt32BE(requestId, 4);
  return Buffer.concat([
    head,
    Buffer.from([TAG.operation]),
    attr(TAG.charset, 'attributes-charset', ['utf-8']),
    attr(TAG.naturalLanguage, 'attributes-natural-language', ['en']),
    attr(TAG.uri, 'job-uri', [`ipp://localhost/jobs/${jobId}`]),
    attr(TAG.nameWithoutLanguage, 'requesting-user-name', [user]),
    attr(TAG.keyword, 'requested-attributes', requested),
    Buffer.from([TAG.end]),
  ]);
}

export interface IppResponse { status: number; attributes: IppAttributes }

/** Reads an IPP response: the status code and every attribute of every group, flattened by name. */
export function decodeIppResponse(buf: Buffer): IppResponse {
  if (buf.length < 9) throw new Error('IPP response too short');
  const status = buf.readUInt16BE(2);
  const attributes: IppAttributes = new Map();
  let pos = 8;
  let last = '';
  const need = (n: number) => {
    if (pos + n > buf.length) throw new Error('IPP response truncated');
  };
  while (pos < buf.length) {
    const tag = buf.readUInt8(pos++);
    if (tag === TAG.end) break;
    if (tag < 0x10) continue; // the start of another group
    need(2);
    const nameLen = buf.readUInt16BE(pos);
    pos += 2;
    need(nameLen + 2);
    const name = buf.toString('utf8', pos, pos + nameLen);
    pos += nameLen;
    const valueLen = buf.readUInt16BE(pos);
    pos += 2;
    need(valueLen);
    const raw = buf.subarray(pos, pos + valueLen);
    pos += valueLen;
    let value: IppValue;
    if ((tag === TAG.integer || tag === TAG.enum) && valueLen === 4) value = raw.readInt32BE(0);
    else if (tag === TAG.boolean && valueLen === 1) value = raw.readUInt8(0) !== 0;
    else if (STRING_TAGS.has(tag) || tag === 0x35 || tag === 0x36) value = raw.toString('utf8');
    else value = raw.toString('hex');
    if (name) last = name;
    if (!last) continue;
    const list = attributes.get(last) ?? [];
    list.push(value);
    attributes.set(last, list);
  }
  return { status, attributes };
}

/** Where cupsd listens, as lp finds it: CUPS_SERVER, client.conf's ServerName, the local socket, or localhost:631. */
export function cupsServer(env: NodeJS.ProcessEnv = process.env): { socketPath: string } | { host: string; port: number } {
  const fromConf = () => {
    for (const file of [path.join(os.homedir(), '.cups', 'client.conf'), '/etc/cups/client.conf']) {
      try {
        const m = /^\s*ServerName\s+(\S+)/m.exec(fs.readFileSync(file, 'utf8'));
        if (m) return m[1];
      } catch { /* no such file */ }
    }
    return undefined;
  };
  const server = env.CUPS_SERVER || fromConf();
  if (server?.startsWith('/')) return { socketPath: server };
  if (server) {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(server)!;
    return { host: m[1]!, port: m[2] ? Number(m[2]) : 631 };
  }
  for (const socketPath of ['/run/cups/cups.sock', '/var/run/cups/cups.sock']) if (fs.existsSync(socketPath)) return { socketPath };
  return { host: 'localhost', port: 631 };
}

/** POSTs one IPP request to cupsd and returns the decoded answer. */
export function ippRequest(body: Buffer, opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<IppResponse> {
  const server = cupsServer(opts.env);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        ...server,
        method: 'POST',
        path: '/jobs',
        headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length, Host: 'localhost' },
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`CUPS answered HTTP ${res.statusCode}`));
          try {
            resolve(decodeIppResponse(Buffer.concat(chunks)));
          } catch (e) {
            reject(e as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('CUPS did not answer in time')));
    req.on('error', reject);
    req.end(body);
  });
}
