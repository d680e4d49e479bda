import { addDays } from '../time/china-time';

// 日结, the part both sides must compute alike. A record's hash is the SHA-256 (hex) of
// canonicalJson(payload) (canonical-json.ts); a tally's hash is the SHA-256 (hex, of the UTF-8) of
// tallyText over that entity's records of the day. A mutation belongs to the China day of its
// createdAt (the device's time). Each side hashes with its own crypto: shared/ has none.

/** The records' "id:hash" lines, sorted, joined by "\n" (no trailing newline; '' for none). */
export function tallyText(records: readonly { id: string; hash: string }[]): string {
  return records
    .map((r) => `${r.id}:${r.hash}`)
    .sort()
    .join('\n');
}

/** The instants a China day spans, [from, to), as ISO strings at +08:00. */
export function chinaDayRange(day: string): { from: string; to: string } {
  return { from: `${day}T00:00:00+08:00`, to: `${addDays(day, 1)}T00:00:00+08:00` };
}
