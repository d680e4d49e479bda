import { checkPolicyFile } from '@shared/policies/check-file';
import { checkTable, decodeText, parseCsv, type Problem } from '@shared/enterprises/import-table';
import { FEED } from '@shared/sync/feed';
import { chinaDate } from '@shared/time/china-time';
import type { Db } from '../db/types';
import { publishRecords, type PublishCounts } from './publish';

// `publish policies <file>` and `publish enterprises <file>`: the workstation's own checks
// (shared/policies/check-file.ts, shared/enterprises/import-table.ts), then every good record into
// the feed for every device. A bad record is named and left out; the rest are published.

export type PublishReport = (PublishCounts & { refused: false; rejected: number; problems: Problem[] }) | { refused: true; problems: Problem[] };

export async function publishPolicyFile(db: Db, content: string): Promise<PublishReport> {
  const check = checkPolicyFile(content);
  if (check.refused) return { refused: true, problems: check.problems };
  const counts = await publishRecords(db, FEED.policyUpsert, check.good.map((p) => ({ id: p.id, payload: p })));
  return { refused: false, ...counts, rejected: check.rejected, problems: check.problems };
}

/** A CSV file in the template of resources/enterprises/sample-enterprises.csv. */
export async function publishEnterpriseFile(db: Db, bytes: Uint8Array, now = new Date()): Promise<PublishReport> {
  const table = { rows: parseCsv(decodeText(bytes)).map((cells, i) => ({ n: i + 1, cells })) };
  const check = checkTable(table, chinaDate(now));
  if ('refused' in check) return { refused: true, problems: [{ record: '', field: '', message: check.refused }] };
  const records = [...check.good.values()].map(({ data }) => ({ id: data.uscc, payload: data }));
  const counts = await publishRecords(db, FEED.enterpriseUpsert, records);
  return { refused: false, ...counts, rejected: check.rejected, problems: check.problems };
}
