// Benchmarks, run on demand (never part of `npm test`): `npm run bench -- <name> [options]`.
// Each writes bench/results/<name>.json and its section of docs/benchmarks.md.

const BENCHES: Record<string, { about: string; load: () => Promise<{ run: (args: string[]) => Promise<void> }> }> = {
  policy: {
    about: 'policy search, enterprise lookup, database size and memory vs plain LIKE and MiniSearch (20k policies, 500k enterprises)',
    load: () => import('./policy/main'),
  },
  documents: {
    about: 'the 80 mm receipt PDF (warm median/p95, size) vs Chromium page.pdf() of the same receipt; A4 notice; scan hooks',
    load: () => import('./documents/main'),
  },
  sync: {
    about: 'push 10k mutations, first pull of 500k enterprises + 20k policies, 500 MB of scans vs PouchDB replication and a raw loopback copy',
    load: () => import('./sync/main'),
  },
};

const [benchName, ...args] = process.argv.slice(2);
const bench = benchName ? BENCHES[benchName] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <name> [options]\n${Object.entries(BENCHES).map(([n, b]) => `  ${n.padEnd(10)} ${b.about}`).join('\n')}`);
  process.exit(benchName ? 1 : 0);
}
bench.load().then((m) => m.run(args)).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

export {};
