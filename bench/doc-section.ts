import fs from 'node:fs';

// docs/benchmarks.md holds one section per benchmark, between markers; each benchmark rewrites only
// its own (added at the end the first time), so running one never drops another's table.

const HEADER = `# Benchmarks

Run on demand, never part of \`npm test\`: \`npm run bench -- <name>\`. Each benchmark writes
\`bench/results/<name>.json\` (\`{name, date, machine, metrics: [{metric, value, unit, better, target, peers}]}\`)
and its section of this page.
`;

export function writeSection(file: string, name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const hasMarkers = old.includes(start) && old.includes(end);
  const page = hasMarkers
    ? old.slice(0, old.indexOf(start)) + block + old.slice(old.indexOf(end) + end.length)
    : `${old.includes('<!-- bench:') ? old.trimEnd() : HEADER}\n\n${block}\n`;
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, page.endsWith('\n') ? page : `${page}\n`);
  fs.renameSync(tmp, file);
}
