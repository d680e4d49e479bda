// The lead's matching figures (政策计算器): one company against all 100,000 items, one item against
// all 500,000 companies.
//
// >>> HOOK for the matching engine. When electron/core/matching/match-enterprise.ts exports
// >>>   matchEnterpriseFast(db, uscc, on) and matchItemAll(db, itemId, on)
// >>> they are measured here; adjust `call*` below if their signatures differ. Until then this
// >>> subject reports "not available" and the table leaves the rows out.

import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/open-database';
import { DB_FILE, TODAY, type DataMeta } from '../generate';
import { memory, timeCases } from '../measure';
import type { SubjectResult } from './types';

const MODULE = path.resolve(import.meta.dirname, '../../../electron/core/matching/match-enterprise.ts');

type Fn = (...args: unknown[]) => unknown;

export async function run(meta: DataMeta, rounds: number): Promise<SubjectResult> {
  if (!fs.existsSync(MODULE)) return { subject: 'matching', memory: memory(), extra: { available: 'electron/core/matching/match-enterprise.ts does not exist yet' } };
  const mod = (await import(MODULE)) as Record<string, unknown>;
  const matchEnterpriseFast = mod.matchEnterpriseFast as Fn | undefined;
  const matchItemAll = mod.matchItemAll as Fn | undefined;
  if (typeof matchEnterpriseFast !== 'function' || typeof matchItemAll !== 'function') {
    return { subject: 'matching', memory: memory(), extra: { available: 'match-enterprise.ts does not export matchEnterpriseFast and matchItemAll yet' } };
  }
  const db = openDatabase(DB_FILE);
  const callEnterprise = (uscc: string) => matchEnterpriseFast(db, uscc, TODAY);
  const callItem = (itemId: string) => matchItemAll(db, itemId, TODAY);
  const usccs = meta.samples.usccs.slice(0, 50);
  const t = performance.now();
  callEnterprise(usccs[0]!);
  const warmupMs = performance.now() - t;
  const company = timeCases(usccs, callEnterprise, { rounds, warmup: true });
  // ten items spread over the library
  const items = Array.from({ length: 10 }, (_, i) => `P${String(1 + i * 1999).padStart(6, '0')}-1`);
  const item = timeCases(items, callItem, { rounds: 1, warmup: false });
  const m = memory();
  db.close();
  return {
    subject: 'matching', warmupMs, memory: m,
    extra: { available: 'yes', companyP50: company.p50, companyP95: company.p95, itemP50: item.p50, itemP95: item.p95, itemMax: item.max },
  };
}
