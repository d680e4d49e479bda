// Chinese has no spaces, and FTS5's trigram tokenizer cannot match queries shorter than three
// characters. For those, text is cut into overlapping two-character tokens (the CJK bigram method
// of Lucene's CJKAnalyzer) plus the last character of each run as a single token, and indexed with
// the plain unicode61 tokenizer: "人才补贴" → "人才 才补 补贴 贴". A two-character query is then one
// token; a one-character query is a prefix query ("补"*).

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+/g;

export function toBigramText(text: string): string {
  const out: string[] = [];
  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0];
    if (/^[A-Za-z0-9]/.test(run)) {
      out.push(run.toLowerCase());
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    out.push(run.slice(-1));
  }
  return out.join(' ');
}
