import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Db } from '../db/types';
import type { ExtraRoutes } from '../http/server';
import type { LockInfo } from '../db/data-lock';
import { sendJson } from '../http/errors';
import { runAdmin } from './commands';
import { parseArgs } from './args';

// The admin door of a running centre on PGlite. The database folder is the running process's alone,
// so `npm run central -- <command>` sends the command here instead: POST /admin/v1/run, from
// this machine only, with the token the centre wrote into its lock file (readable by its owner only).

const PATH = '/admin/v1/run';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const newAdminToken = () => randomBytes(32).toString('base64url');

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function adminDoor(db: Db, token: string): ExtraRoutes {
  return {
    async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
      if (url.pathname !== PATH) return false;
      const auth = req.headers.authorization ?? '';
      const local = LOOPBACK.has(req.socket.remoteAddress ?? '') || req.socket.remoteAddress === req.socket.localAddress;
      if (req.method !== 'POST' || !local || !auth.startsWith('Bearer ') || !same(auth.slice(7), token)) {
        req.resume();
        sendJson(res, 404, { code: 'not_found', detail: `no such endpoint: ${url.pathname}` });
        return true;
      }
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const { argv } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { argv: string[] };
      const out: string[] = [];
      const err: string[] = [];
      const code = await runAdmin(db, parseArgs(argv), (l) => out.push(l), (l) => err.push(l));
      sendJson(res, 200, { code, out, err });
      return true;
    },
  };
}

export interface Relayed {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the command in the centre that holds the folder; its output and exit code. */
export async function relayAdmin(holder: LockInfo, argv: string[]): Promise<Relayed> {
  const res = await fetch(`${holder.url}${PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${holder.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ argv }),
  });
  if (!res.ok) throw new Error(`the running centre at ${holder.url} refused the admin command (${res.status})`);
  return (await res.json()) as Relayed;
}
