import type Database from 'better-sqlite3';
import type { Policy } from '@shared/policies/schemas';
import { toBigramText } from '@shared/search/bigrams';

// The policy library's one door for writes. Search index rules (both FTS tables, rowid = policies.rowid):
//   title  = title            doc_no = docNo          issuer = issuer
//   items  = for each item: name, department, keyPoints (joined by newlines)
//   body   = fullText + the four interpretation texts (joined by newlines)
// policy_search gets the text as is (trigram); policy_search_short gets toBigramText() of each column.
// Both are contentless (content='', contentless_delete=1): they hold no copy of the text, so only
// rowids are read from them; a policy's index rows are replaced by DELETE ... WHERE rowid = ? and a
// new INSERT (never an UPDATE, which a contentless table takes only with every column given).

export function searchColumns(p: Policy): [string, string, string, string, string] {
  const items = p.items.map((i) => `${i.name}\n${i.department}\n${i.keyPoints}`).join('\n');
  const it = p.interpretation;
  const body = [p.fullText, it.background, it.scope, it.keyPoints, it.changes].filter(Boolean).join('\n');
  return [p.title, p.docNo, p.issuer, items, body];
}

/** Inserts or replaces each policy with its items and index rows. Call inside a transaction. */
export function upsertPolicies(db: Database.Database, policies: readonly Policy[], at: string): { created: number; updated: number } {
  const existing = db.prepare('SELECT rowid FROM policies WHERE id = ?');
  const insertPolicy = db.prepare(
    `INSERT INTO policies (id, title, doc_no, issuer, level, region_code, category, publish_date, expiry_date, status, full_text, interpretation, imported_at)
     VALUES (@id, @title, @docNo, @issuer, @level, @regionCode, @category, @publishDate, @expiryDate, @status, @fullText, @interpretation, @at)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, doc_no = excluded.doc_no, issuer = excluded.issuer, level = excluded.level,
       region_code = excluded.region_code, category = excluded.category, publish_date = excluded.publish_date,
       expiry_date = excluded.expiry_date, status = excluded.status, full_text = excluded.full_text,
       interpretation = excluded.interpretation, imported_at = excluded.imported_at`,
  );
  const rowidOf = db.prepare('SELECT rowid FROM policies WHERE id = ?').pluck();
  // a consultation that linked a removed item keeps its link to the policy
  const unlinkItems = db.prepare('UPDATE consultation_policies SET item_id = NULL WHERE policy_id = ? AND item_id NOT IN (SELECT value FROM json_each(?))');
  const deleteItems = db.prepare('DELETE FROM policy_items WHERE policy_id = ? AND id NOT IN (SELECT value FROM json_each(?))');
  const upsertItem = db.prepare(
    `INSERT INTO policy_items (id, policy_id, position, name, department, contact_phone, window_start, window_end, delivery_mode,
       promised_days, amount, amount_max, conditions, free_conditions, materials, key_points, needs_expert_review)
     VALUES (@id, @policyId, @position, @name, @department, @contactPhone, @windowStart, @windowEnd, @deliveryMode,
       @promisedDays, @amount, @amountMax, @conditions, @freeConditions, @materials, @keyPoints, @needsExpertReview)
     ON CONFLICT (id) DO UPDATE SET policy_id = excluded.policy_id, position = excluded.position, name = excluded.name,
       department = excluded.department, contact_phone = excluded.contact_phone, window_start = excluded.window_start,
       window_end = excluded.window_end, delivery_mode = excluded.delivery_mode, promised_days = excluded.promised_days,
       amount = excluded.amount, amount_max = excluded.amount_max, conditions = excluded.conditions,
       free_conditions = excluded.free_conditions, materials = excluded.materials, key_points = excluded.key_points,
       needs_expert_review = excluded.needs_expert_review`,
  );
  const deleteIndex = [db.prepare('DELETE FROM policy_search WHERE rowid = ?'), db.prepare('DELETE FROM policy_search_short WHERE rowid = ?')];
  const insertIndex = db.prepare('INSERT INTO policy_search (rowid, title, doc_no, issuer, items, body) VALUES (?, ?, ?, ?, ?, ?)');
  const insertShort = db.prepare('INSERT INTO policy_search_short (rowid, title, doc_no, issuer, items, body) VALUES (?, ?, ?, ?, ?, ?)');

  let created = 0;
  let updated = 0;
  for (const p of policies) {
    if (existing.get(p.id)) updated++;
    else created++;
    insertPolicy.run({ ...p, interpretation: JSON.stringify(p.interpretation), at });
    const rowid = rowidOf.get(p.id) as number;
    const keep = JSON.stringify(p.items.map((i) => i.id));
    unlinkItems.run(p.id, keep);
    deleteItems.run(p.id, keep);
    p.items.forEach((i, position) =>
      upsertItem.run({
        ...i, policyId: p.id, position, windowStart: i.window?.start ?? null, windowEnd: i.window?.end ?? null,
        conditions: i.conditions ? JSON.stringify(i.conditions) : null, freeConditions: JSON.stringify(i.freeConditions),
        materials: JSON.stringify(i.materials), needsExpertReview: i.needsExpertReview ? 1 : 0,
      }),
    );
    for (const d of deleteIndex) d.run(rowid);
    const cols = searchColumns(p);
    insertIndex.run(rowid, ...cols);
    insertShort.run(rowid, ...cols.map(toBigramText));
  }
  return { created, updated };
}
