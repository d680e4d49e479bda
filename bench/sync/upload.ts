import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { v7 } from 'uuid';
import { uploadBlob, type UploadStateStore } from '../../electron/core/sync/blob-upload';
import { startCentreProcess, startRawServer } from './processes';
import type { Rng } from '../policy/prng';

// Upload of scans: the workstation's tus uploader (electron/core/sync/blob-upload.ts, as the sync
// engine calls it: one blob after another, each from its file) to the centre in its own process,
// against the physical limit: the same files PUT one after another to a plain HTTP server (its own
// process) that streams each to a file and fsyncs it.

export interface Scan {
  file: string;
  size: number;
  sha256: string;
}

/** Scans of 1–5 MB (random bytes: scans are compressed already) until `totalMb`; kept in `dir`. */
export function makeScans(dir: string, totalMb: number, rng: Rng): Scan[] {
  const listFile = path.join(dir, `scans-${totalMb}.json`);
  if (fs.existsSync(listFile)) {
    const list = JSON.parse(fs.readFileSync(listFile, 'utf8')) as Scan[];
    if (list.every((s) => fs.existsSync(s.file) && fs.statSync(s.file).size === s.size)) return list;
  }
  fs.rmSync(path.join(dir, 'scans'), { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'scans'), { recursive: true });
  const total = totalMb * 1_000_000;
  const scans: Scan[] = [];
  for (let done = 0, n = 1; done < total; n++) {
    const size = Math.min(total - done, rng.int(1_000_000, 5_000_000));
    const bytes = randomBytes(size);
    const file = path.join(dir, 'scans', `scan-${String(n).padStart(4, '0')}.jpg`);
    fs.writeFileSync(file, bytes);
    scans.push({ file, size, sha256: createHash('sha256').update(bytes).digest('hex') });
    done += size;
  }
  fs.writeFileSync(listFile, JSON.stringify(scans));
  return scans;
}

const memoryStore = (): UploadStateStore => {
  const m = new Map<string, string>();
  return { get: (k) => m.get(k), set: (k, v) => void m.set(k, v), delete: (k) => void m.delete(k) };
};

/**
 * Seconds for the tus uploader to send every scan to a fresh centre (its start not counted), after
 * `warmUp` (other scans, not timed): a centre uploads scans all day, so the benchmark times one
 * that has served some already, not its first requests' compilation and caches. The raw copy is
 * warmed the same way.
 */
export async function timeTus(scans: Scan[], kind: 'pglite' | 'pg', warmUp: Scan[] = []): Promise<number> {
  const centre = await startCentreProcess(kind);
  try {
    const deviceId = v7();
    const res = await fetch(`${centre.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: await centre.enrolCode(), deviceName: 'bench', deviceId }),
    });
    const { secret } = (await res.json()) as { secret: string };
    const store = memoryStore();
    const send = async (s: Scan) => {
      const r = await uploadBlob({
        centreUrl: centre.url, credential: `${deviceId}.${secret}`, sha256: s.sha256, size: s.size, store,
        read: () => fs.createReadStream(s.file, { highWaterMark: 1 << 20 }),
      });
      if (!r.ok || r.outcome !== 'uploaded') throw new Error(`upload of ${s.file}: ${JSON.stringify(r)}`);
    };
    for (const s of warmUp) await send(s);
    const t0 = performance.now();
    for (const s of scans) await send(s);
    const seconds = (performance.now() - t0) / 1000;
    const kept = (await centre.count('blobs')) - warmUp.length;
    if (kept !== scans.length) throw new Error(`the centre keeps ${kept} blobs, not ${scans.length}`);
    return seconds;
  } finally {
    await centre.close();
  }
}

function put(url: string, scan: Scan): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'PUT', headers: { 'Content-Length': String(scan.size), 'Content-Type': 'application/octet-stream' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 204 ? resolve() : reject(new Error(`PUT answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    pipeline(fs.createReadStream(scan.file, { highWaterMark: 1 << 20 }), req).catch(reject);
  });
}

/** Seconds for a plain streamed PUT of every scan to a server that writes and fsyncs each. */
export async function timeRaw(scans: Scan[], workDir: string, warmUp: Scan[] = []): Promise<number> {
  const dir = fs.mkdtempSync(path.join(workDir, 'raw-'));
  const raw = await startRawServer(dir);
  try {
    for (const s of warmUp) await put(`${raw.url}/raw/warm-${path.basename(s.file)}`, s);
    const t0 = performance.now();
    for (const s of scans) await put(`${raw.url}/raw/${path.basename(s.file)}`, s);
    const seconds = (performance.now() - t0) / 1000;
    const sizes = scans.map((s) => fs.statSync(path.join(dir, path.basename(s.file))).size);
    if (sizes.some((n, i) => n !== scans[i]!.size)) throw new Error('the raw copy is not whole');
    return seconds;
  } finally {
    await raw.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
