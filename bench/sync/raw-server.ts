// The physical limit for the upload benchmark, in its own process: `PUT /raw/<name>` streams the
// body to a file in the folder given and flushes it (fsync) before answering, as the centre does
// with a finished blob. Prints `listening <port>` on stdout.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2];
if (!dir) throw new Error('usage: raw-server.ts <folder>');

const server = http.createServer((req, res) => {
  void (async () => {
    const name = /^\/raw\/([\w.-]+)$/.exec(req.url ?? '')?.[1];
    if (req.method !== 'PUT' || !name) return void res.writeHead(404).end();
    const file = path.join(dir, name);
    await pipeline(req, fs.createWriteStream(file));
    // flushed as the centre flushes a finished blob (blob-files.ts moveIntoPlace)
    const handle = await fs.promises.open(file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    res.writeHead(204).end();
  })().catch((e: unknown) => {
    console.error(e);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as { port: number }).port}`));
// a normal exit on SIGINT, so --cpu-prof (BENCH_PROF) writes its profile
process.on('SIGINT', () => server.close(() => process.exit(0)));
