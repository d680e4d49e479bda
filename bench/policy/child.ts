// One subject in its own process, so its memory is its own: `node --import tsx child.ts <subject>`.
// Sends its SubjectResult to the parent over IPC.

import fs from 'node:fs';
import path from 'node:path';
import { DATA_DIR, type DataMeta } from './generate';
import type { SubjectResult } from './subjects/types';

const subject = process.argv[2];
const rounds = Number(process.argv[3] ?? 5);
const meta = JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'policy.meta.json'), 'utf8')) as DataMeta;

async function main(): Promise<SubjectResult> {
  switch (subject) {
    case 'ours': return (await import('./subjects/ours')).run(meta, rounds);
    case 'like': return (await import('./subjects/like')).run(meta);
    case 'minisearch-policies': return (await import('./subjects/minisearch')).run(meta, rounds, 'policies');
    case 'minisearch-enterprises': return (await import('./subjects/minisearch')).run(meta, rounds, 'enterprises');
    case 'matching': return (await import('./subjects/matching')).run(meta, rounds);
    default: throw new Error(`unknown subject ${subject}`);
  }
}

main().then(
  (r) => process.send!(r, () => process.exit(0)),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
