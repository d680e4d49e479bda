import type Database from 'better-sqlite3';
import { sha256, type BlobStore } from '../materials/blob-store';
import type { CentreClient } from '../sync/centre-client';
import { BackOfficeRepo } from './backoffice-repo';

// After each pull round: the material PDFs the department's cases name and this PC lacks, fetched
// from the centre (GET /v1/blobs/<sha256>, the device's bearer credential), checked against their
// SHA-256 and kept in the blob folder. A blob the centre does not have yet (404: the counter's
// upload still under way) is tried again next round. A failure here never fails the round.

const TIMEOUT_MS = 120_000;

export interface BlobFetchResult {
  fetched: number;
  /** still missing: not at the centre yet, or the fetch failed */
  missing: number;
}

export async function fetchMissingBlobs(opts: {
  db: Database.Database;
  blobs: BlobStore;
  client: CentreClient;
  log: (message: string, error?: unknown) => void;
  /** the engine closing: stop at once */
  signal?: AbortSignal;
}): Promise<BlobFetchResult> {
  const result: BlobFetchResult = { fetched: 0, missing: 0 };
  const wanted = new BackOfficeRepo(opts.db).namedPdfs();
  const timeout = () => (opts.signal ? AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), opts.signal]) : AbortSignal.timeout(TIMEOUT_MS));
  for (const sha of wanted) {
    if (opts.signal?.aborted) break;
    if (await opts.blobs.has(sha)) continue;
    try {
      const res = await fetch(`${opts.client.baseUrl}/v1/blobs/${sha}`, {
        headers: opts.client.credential ? { authorization: `Bearer ${opts.client.credential}` } : {},
        signal: timeout(),
      });
      if (!res.ok) {
        await res.body?.cancel();
        result.missing++;
        if (res.status !== 404) opts.log(`sync: blob ${sha} not fetched: centre answered ${res.status}`);
        continue;
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (sha256(bytes) !== sha) {
        result.missing++;
        opts.log(`sync: blob ${sha} from the centre does not match its SHA-256; not kept`);
        continue;
      }
      await opts.blobs.put(bytes);
      result.fetched++;
    } catch (e) {
      result.missing++;
      opts.log(`sync: blob ${sha} not fetched`, e);
      // offline or closing: the rest waits for the next round
      break;
    }
  }
  return result;
}
