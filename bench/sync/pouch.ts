import PouchDB from 'pouchdb-node';

// The PouchDB peer: pouchdb-node (LevelDB in a temp folder) replicating to or from pouchdb-server
// (express-pouchdb over LevelDB, its own process, loopback). Batches as large as ours (push 200,
// pull 1000 per request) so both move the same records per round trip.

export type Doc = { _id: string; [key: string]: unknown };

/** Writes the documents into a database (local folder or http URL), `batch` at a time (not timed). */
export async function load(name: string, docs: Iterable<Doc>, batch = 2000): Promise<number> {
  const db = new PouchDB(name);
  let n = 0;
  let part: Doc[] = [];
  const flush = async () => {
    const res = await db.bulkDocs(part);
    const bad = res.find((r) => r.error);
    if (bad) throw new Error(`bulkDocs into ${name}: ${bad.error}`);
    n += part.length;
    part = [];
  };
  for (const d of docs) {
    part.push(d);
    if (part.length >= batch) await flush();
  }
  if (part.length) await flush();
  await db.close();
  return n;
}

/** Seconds to replicate `from` to `to` (each a local folder or an http URL); checks every doc arrived. */
export async function timeReplication(from: string, to: string, expected: number, batchSize: number): Promise<number> {
  const source = new PouchDB(from);
  const target = new PouchDB(to);
  try {
    const t0 = performance.now();
    const r = await PouchDB.replicate(source, target, { batch_size: batchSize });
    const seconds = (performance.now() - t0) / 1000;
    const info = await target.info();
    if (!r.ok || r.doc_write_failures > 0 || info.doc_count !== expected) {
      throw new Error(`replication ${from} → ${to}: ${JSON.stringify(r)}, ${info.doc_count} of ${expected} docs`);
    }
    return seconds;
  } finally {
    await source.close();
    await target.close();
  }
}
