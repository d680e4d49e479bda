import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, withStaff, type TestCore } from '../../helpers/core';
import { b64, csv, GOOD, uscc } from './fixtures';

let tc: TestCore;
let s: Record<string, string>;

beforeEach(async () => {
  tc = makeCore();
  s = await withStaff(tc, [
    { username: 'back', displayName: '后台小吴', roles: ['backoffice'] },
    { username: 'biz', displayName: '业务小李', roles: ['business'] },
    { username: 'hot', displayName: '热线小陈', roles: ['hotline'] },
    { username: 'win', displayName: '窗口小王', roles: ['counter'] },
  ]);
  await tc.call('enterpriseImport', { fileName: 'e.csv', contentBase64: b64(csv(GOOD)) }, s.back);
});
afterEach(() => tc.close());

const db = () => tc.core.db!;
const audit = (action: string) =>
  db().prepare('SELECT staff_id, entity, entity_id, detail FROM audit_log WHERE action = ? ORDER BY at, rowid').all(action) as { staff_id: string; entity: string; entity_id: string; detail: string }[];
const outbox = () => db().prepare('SELECT entity, entity_id, op, payload, staff_id FROM outbox ORDER BY seq').all() as { entity: string; entity_id: string; op: string; payload: string; staff_id: string }[];
const staffId = (username: string) => (db().prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: string }).id;

describe('enterpriseGet', () => {
  it('gives the data with rule tags and reasons, computed for today', async () => {
    const p = await tc.call('enterpriseGet', { uscc: uscc(1) }, s.win);
    expect(p).toMatchObject({ uscc: uscc(1), size: 'small', ageYears: 7, rndRatio: 12.381 });
    const byTag = Object.fromEntries(p.tags.map((t) => [t.tag, t]));
    expect(Object.keys(byTag)).toEqual(expect.arrayContaining(['高新技术企业', '科技型中小企业', '规上服务业企业', '小型企业', '中小企业', '小微企业', '研发投入强度≥3%', '行政区划 330106', '行业 I', '行业 I65']));
    expect(byTag['小型企业']).toMatchObject({ source: 'rule', setBy: null, setAt: null });
    expect(byTag['小型企业']!.reason).toMatch(/^SIZE-SMALL：软件和信息技术服务业（I65），从业人员 85 人，营业收入 4,200 万元/);

    const machine = await tc.call('enterpriseGet', { uscc: uscc(2) }, s.win);
    expect(machine.tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['规上工业企业', '中型企业', '专精特新中小企业', '专精特新']));
  });

  it('an expired certificate gives no tag once the day has passed', async () => {
    // 专精特新 valid to 2026-12-31
    expect((await tc.call('enterpriseGet', { uscc: uscc(2) }, s.win)).tags.map((t) => t.tag)).toContain('专精特新中小企业');
    tc.clock.set('2027-01-01T09:00:00+08:00');
    const { sessionId } = await tc.call('signIn', { username: 'win', password: 'Passw0rd1' });
    const machine = await tc.call('enterpriseGet', { uscc: uscc(2) }, sessionId);
    expect(machine.tags.map((t) => t.tag)).not.toContain('专精特新中小企业');
  });

  it('writes an audit row for every view of company data, by whom', async () => {
    await tc.call('enterpriseGet', { uscc: uscc(1) }, s.hot);
    await tc.call('enterpriseGet', { uscc: uscc(3) }, s.win);
    expect(audit('view').map((r) => [r.staff_id, r.entity, r.entity_id])).toEqual([
      [staffId('hot'), 'enterprise', uscc(1)],
      [staffId('win'), 'enterprise', uscc(3)],
    ]);
  });

  it('NOT_FOUND for a company not in the cache, with no view recorded', async () => {
    expect((await tc.fail('enterpriseGet', { uscc: uscc(999) }, s.hot)).code).toBe('NOT_FOUND');
    expect(audit('view')).toEqual([]);
  });
});

describe('manual tags', () => {
  it('adds a tag with who, when and the note; audited and sent to the centre', async () => {
    tc.clock.set('2026-11-27T14:30:00+08:00');
    const p = await tc.call('enterpriseTagAdd', { uscc: uscc(1), tag: '重点培育企业', note: '区经信局 2026 年名单' }, s.biz);
    const tag = p.tags.find((t) => t.tag === '重点培育企业');
    expect(tag).toEqual({ tag: '重点培育企业', source: 'manual', reason: '区经信局 2026 年名单', setBy: '业务小李', setAt: '2026-11-27T06:30:00.000Z' });
    expect(audit('tag_add')).toEqual([{ staff_id: staffId('biz'), entity: 'enterprise_tag', entity_id: uscc(1), detail: JSON.stringify({ tag: '重点培育企业', note: '区经信局 2026 年名单' }) }]);
    const [sent] = outbox();
    expect(sent).toMatchObject({ entity: 'enterprise_tag', entity_id: uscc(1), op: 'tag_add', staff_id: staffId('biz') });
    expect(JSON.parse(sent!.payload)).toEqual({ uscc: uscc(1), tag: '重点培育企业', note: '区经信局 2026 年名单', setBy: staffId('biz'), setAt: '2026-11-27T06:30:00.000Z' });
    // and it stays: another staff member reads it
    expect((await tc.call('enterpriseGet', { uscc: uscc(1) }, s.hot)).tags.filter((t) => t.source === 'manual')).toHaveLength(1);
  });

  it('a manual tag equal to a rule tag is shown as both', async () => {
    const p = await tc.call('enterpriseTagAdd', { uscc: uscc(1), tag: '小微企业', note: '企业自述' }, s.back);
    expect(p.tags.filter((t) => t.tag === '小微企业').map((t) => t.source)).toEqual(['rule', 'manual']);
  });

  it('setting a tag again replaces the note and who/when', async () => {
    await tc.call('enterpriseTagAdd', { uscc: uscc(1), tag: '重点培育企业', note: '旧' }, s.biz);
    tc.clock.advance(3600);
    const p = await tc.call('enterpriseTagAdd', { uscc: uscc(1), tag: '重点培育企业', note: '新' }, s.back);
    expect(p.tags.filter((t) => t.source === 'manual')).toEqual([
      { tag: '重点培育企业', source: 'manual', reason: '新', setBy: '后台小吴', setAt: '2026-11-27T03:00:00.000Z' },
    ]);
    expect(outbox().map((o) => o.op)).toEqual(['tag_add', 'tag_update']);
  });

  it('removes a manual tag (audited, sent), refuses a rule tag and an unknown one', async () => {
    await tc.call('enterpriseTagAdd', { uscc: uscc(1), tag: '重点培育企业', note: '名单' }, s.biz);
    await tc.call('enterpriseTagAdd', { uscc: uscc(1), tag: '小微企业', note: '企业自述' }, s.biz);

    const p = await tc.call('enterpriseTagRemove', { uscc: uscc(1), tag: '重点培育企业' }, s.back);
    expect(p.tags.map((t) => t.tag)).not.toContain('重点培育企业');
    expect(JSON.parse(audit('tag_remove')[0]!.detail)).toMatchObject({ tag: '重点培育企业', note: '名单', setBy: staffId('biz') });
    expect(outbox().at(-1)).toMatchObject({ entity: 'enterprise_tag', op: 'tag_remove', entity_id: uscc(1) });

    // the manual 小微企业 goes, the rule one stays and cannot be removed
    const q = await tc.call('enterpriseTagRemove', { uscc: uscc(1), tag: '小微企业' }, s.biz);
    expect(q.tags.filter((t) => t.tag === '小微企业').map((t) => t.source)).toEqual(['rule']);
    const refused = await tc.fail('enterpriseTagRemove', { uscc: uscc(1), tag: '小微企业' }, s.biz);
    expect(refused).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'tag', message: '“小微企业”是按规则计算的标签，不能删除；如不符合实际，请更正企业数据。' }] });

    expect((await tc.fail('enterpriseTagRemove', { uscc: uscc(1), tag: '从未有过' }, s.biz)).code).toBe('NOT_FOUND');
    expect((await tc.fail('enterpriseTagAdd', { uscc: uscc(999), tag: 'x', note: '' }, s.biz)).code).toBe('NOT_FOUND');
    expect(db().prepare('SELECT count(*) AS n FROM enterprise_tags').get()).toEqual({ n: 0 });
  });
});

describe('who may do what', () => {
  it('hotline and counter may look up and read; not import, not tag', async () => {
    for (const who of [s.hot!, s.win!]) {
      expect((await tc.call('enterpriseLookup', { query: '云栖', limit: 5 }, who)).map((e) => e.uscc)).toEqual([uscc(1)]);
      expect((await tc.call('enterpriseGet', { uscc: uscc(1) }, who)).uscc).toBe(uscc(1));
      expect((await tc.fail('enterpriseImport', { fileName: 'e.csv', contentBase64: b64(csv(GOOD)) }, who)).code).toBe('FORBIDDEN');
      expect((await tc.fail('enterpriseTagAdd', { uscc: uscc(1), tag: '重点', note: '' }, who)).code).toBe('FORBIDDEN');
      expect((await tc.fail('enterpriseTagRemove', { uscc: uscc(1), tag: '重点' }, who)).code).toBe('FORBIDDEN');
    }
  });

  it('business may tag but not import; nobody reads before signing in', async () => {
    expect((await tc.fail('enterpriseImport', { fileName: 'e.csv', contentBase64: b64(csv(GOOD)) }, s.biz)).code).toBe('FORBIDDEN');
    expect((await tc.fail('enterpriseGet', { uscc: uscc(1) }, null)).code).toBe('UNAUTHENTICATED');
    expect((await tc.fail('enterpriseLookup', { query: '云栖', limit: 5 }, null)).code).toBe('UNAUTHENTICATED');
  });

  it('the admin may import', async () => {
    expect((await tc.call('enterpriseImport', { fileName: 'e.csv', contentBase64: b64(csv(GOOD)) }, s.admin)).updated).toBe(4);
  });
});
