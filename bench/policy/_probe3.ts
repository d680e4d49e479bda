import Database from 'better-sqlite3';
const db = new Database('bench/.data/policy.sqlite');
const time = (label: string, fn: () => unknown) => {
  for (let i = 0; i < 5; i++) fn();
  const c = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < 50; i++) fn();
  const cu = process.cpuUsage(c);
  console.log(label.padEnd(30), ((performance.now() - t) / 50).toFixed(3).padStart(8), 'ms wall', ((cu.user + cu.system) / 50000).toFixed(3).padStart(8), 'ms cpu');
};
const ids = JSON.stringify(Array.from({ length: 20 }, (_, i) => 1 + i * 997));
const rows = db.prepare(`SELECT p.rowid AS rid, p.id, p.title, p.doc_no, p.issuer, p.level, p.category, p.status, p.publish_date, p.expiry_date,
       p.full_text, p.interpretation FROM policies p WHERE p.rowid IN (SELECT value FROM json_each(?))`);
time('page rows', () => rows.all(ids));
const items = db.prepare(`SELECT i.policy_id, i.id, i.name, i.department, i.key_points, i.window_start, i.window_end
       FROM policies p JOIN policy_items i ON i.policy_id = p.id
      WHERE p.rowid IN (SELECT value FROM json_each(?)) ORDER BY i.policy_id, i.position`);
time('page items', () => items.all(ids));
const pids = JSON.stringify((rows.all(ids) as any[]).map((r) => r.id));
const items2 = db.prepare(`SELECT i.policy_id, i.id, i.name, i.department, i.key_points, i.window_start, i.window_end
       FROM policy_items i WHERE i.policy_id IN (SELECT value FROM json_each(?)) ORDER BY i.policy_id, i.position`);
time('page items by id', () => items2.all(pids));
console.log(db.prepare('EXPLAIN QUERY PLAN SELECT i.policy_id FROM policy_items i WHERE i.policy_id IN (SELECT value FROM json_each(?)) ORDER BY i.policy_id, i.position').all(pids).map((r: any) => r.detail));
db.pragma('cache_size = -32000');
time('page rows 32MB cache', () => rows.all(ids));
time('page items 32MB cache', () => items.all(ids));
