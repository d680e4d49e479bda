import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, withStaff, type TestCore } from '../../helpers/core';

let tc: TestCore;
afterEach(() => tc?.close());

const question = {
  uscc: '91350100M000100Y43',
  enterpriseName: '福州市某某科技有限公司',
  contactName: '王经理',
  contactPhone: '13912345678',
  question: '研发费用加计扣除今年怎么申报？',
  category: 'tax' as const,
  policiesReferred: '财税〔2023〕7号',
  answer: '在年度汇算清缴时填报研发费用加计扣除优惠明细表。',
  result: 'answered' as const,
  minutesSpent: 8,
};

describe('a clerk logs a counter consultation', () => {
  it('stores the record, its outbox entry and its audit row together', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    const outboxBefore = tc.count('outbox');
    const c = await tc.call('consultationCreate', question, s.clerk1);
    expect(c.channel).toBe('counter');
    expect(c.day).toBe('2026-11-27');
    expect(c.createdBy.displayName).toBe('李娜');
    expect(tc.count('outbox')).toBe(outboxBefore + 1);
    const outbox = tc.core.db!.prepare("SELECT * FROM outbox WHERE entity = 'consultation' AND entity_id = ?").get(c.id) as { payload: string; staff_id: string };
    expect(JSON.parse(outbox.payload).question).toBe(question.question);
    expect(outbox.staff_id).toBe(c.createdBy.id);
    const audit = tc.core.db!.prepare("SELECT * FROM audit_log WHERE entity = 'consultation' AND entity_id = ?").all(c.id) as { action: string; device_id: string; staff_id: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', device_id: tc.core.status().deviceId, staff_id: c.createdBy.id });
    // ids are UUIDv7
    expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  });

  it('refuses an invalid USCC with the reason and saves nothing', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    const before = [tc.count('consultations'), tc.count('outbox'), tc.count('audit_log')];
    const err = await tc.fail('consultationCreate', { ...question, uscc: '91350100M000100Y44' }, s.clerk1);
    expect(err.code).toBe('VALIDATION');
    expect(err.fields).toEqual([{ path: 'uscc', message: '统一社会信用代码校验位错误，请核对营业执照后重新输入。' }]);
    expect([tc.count('consultations'), tc.count('outbox'), tc.count('audit_log')]).toEqual(before);
  });

  it('refuses an over-long answer with the limit', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    const err = await tc.fail('consultationCreate', { ...question, answer: '答'.repeat(4001) }, s.clerk1);
    expect(err.fields?.[0]?.message).toBe('“答复内容”最多 4,000 字，现为 4,001 字。');
    expect(tc.count('consultations')).toBe(0);
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    const before = [tc.count('consultations'), tc.count('tickets'), tc.count('outbox'), tc.count('audit_log')];
    // the last statement of the write (the audit row) fails, after the record and its ticket were written
    tc.core.db!.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log WHEN NEW.entity = 'consultation' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const err = await tc.fail('consultationCreate', { ...question, result: 'reply_needed', complexity: 'simple' }, s.clerk1);
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('本次操作未保存');
    expect([tc.count('consultations'), tc.count('tickets'), tc.count('outbox'), tc.count('audit_log')]).toEqual(before);
  });

  it('lists today’s consultations and finds them by company, phone, question or a LIKE wildcard typed literally', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    await tc.call('consultationCreate', question, s.clerk1);
    await tc.call('consultationCreate', { ...question, enterpriseName: '厦门100%新材料有限公司', uscc: '', contactPhone: '0592-5556666', question: '专精特新怎么认定？', category: 'qualification' }, s.clerk1);
    expect(await tc.call('consultationList', {}, s.clerk1)).toHaveLength(2);
    expect((await tc.call('consultationList', { query: '某某科技' }, s.clerk1)).map((c) => c.enterpriseName)).toEqual(['福州市某某科技有限公司']);
    expect(await tc.call('consultationList', { query: '5556666' }, s.clerk1)).toHaveLength(1);
    expect(await tc.call('consultationList', { query: '专精特新' }, s.clerk1)).toHaveLength(1);
    expect(await tc.call('consultationList', { query: '100%' }, s.clerk1)).toHaveLength(1);
    expect(await tc.call('consultationList', { query: '%' }, s.clerk1)).toHaveLength(1);
    expect(await tc.call('consultationList', { query: '不存在的企业' }, s.clerk1)).toHaveLength(0);
    // Monday's list starts empty (the session ended overnight: sign in again)
    tc.clock.set('2026-11-30T09:00:00+08:00');
    expect((await tc.fail('consultationList', {}, s.clerk1)).code).toBe('UNAUTHENTICATED');
    const monday = await tc.call('signIn', { username: 'clerk1', password: 'Passw0rd1' });
    expect(await tc.call('consultationList', {}, monday.sessionId)).toHaveLength(0);
    expect(await tc.call('consultationList', { day: '2026-11-27' }, monday.sessionId)).toHaveLength(2);
  });

  it('lets the clerk edit a record on the same day only, and only their own', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [
      { username: 'clerk1', displayName: '李娜', roles: ['counter'] },
      { username: 'clerk2', displayName: '张伟', roles: ['counter'] },
    ]);
    const c = await tc.call('consultationCreate', question, s.clerk1);
    const edited = await tc.call('consultationUpdate', { id: c.id, fields: { ...question, answer: '补充：可在电子税务局办理。' } }, s.clerk1);
    expect(edited.answer).toBe('补充：可在电子税务局办理。');
    expect((await tc.fail('consultationUpdate', { id: c.id, fields: question }, s.clerk2)).code).toBe('NOT_OWNER');
    tc.clock.set('2026-11-28T08:30:00+08:00');
    const nextDay = (await tc.call('signIn', { username: 'clerk1', password: 'Passw0rd1' })).sessionId;
    const err = await tc.fail('consultationUpdate', { id: c.id, fields: question }, nextDay);
    expect(err.code).toBe('EDIT_WINDOW_CLOSED');
    expect((await tc.call('consultationGet', { id: c.id }, nextDay)).answer).toBe('补充：可在电子税务局办理。');
    // two outbox entries (create, update) and two audit rows for the record
    expect(tc.core.db!.prepare('SELECT count(*) AS n FROM outbox WHERE entity_id = ?').get(c.id)).toEqual({ n: 2 });
  });

  it('gives a 需回复 consultation a ticket due in working days from the calendar', async () => {
    tc = makeCore({ at: '2026-09-30T15:00:00+08:00' }); // the day before National Day
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    const simple = await tc.call('consultationCreate', { ...question, result: 'reply_needed', complexity: 'simple', answer: '' }, s.clerk1);
    expect(simple.dueDate).toBe('2026-10-08');
    expect(simple.ticketNo).toMatch(/^GD-20260930-[0-9A-F]{4}-001$/);
    const complex = await tc.call('consultationCreate', { ...question, result: 'transferred', complexity: 'complex', transferTo: '区科技局', answer: '' }, s.clerk1);
    expect(complex.dueDate).toBe('2026-10-10');
    expect(complex.ticketNo).toMatch(/-002$/);
    const overridden = await tc.call('consultationCreate', { ...question, result: 'reply_needed', dueDate: '2026-10-12', answer: '' }, s.clerk1);
    expect(overridden.dueDate).toBe('2026-10-12');
    expect((await tc.fail('consultationCreate', { ...question, result: 'reply_needed', dueDate: '2026-09-29' }, s.clerk1)).code).toBe('DUE_BEFORE_TODAY');
  });

  it('closes the ticket when the same-day edit says it was answered after all', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    const c = await tc.call('consultationCreate', { ...question, result: 'reply_needed', complexity: 'simple' }, s.clerk1);
    await tc.call('consultationUpdate', { id: c.id, fields: question }, s.clerk1);
    const t = await tc.call('ticketGet', { id: c.ticketId! }, s.clerk1);
    expect(t.status).toBe('closed');
    expect(t.events.map((e) => e.kind)).toEqual(['created', 'closed']);
  });
});

describe('who may do what', () => {
  it('refuses the anonymous and the wrong role, and says which roles may', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'hot1', displayName: '陈静', roles: ['hotline'] }, { username: 'boss', displayName: '周主任', roles: ['manager'] }]);
    expect((await tc.fail('consultationList', {})).code).toBe('UNAUTHENTICATED');
    expect((await tc.fail('consultationList', {}, 'forged-session')).code).toBe('UNAUTHENTICATED');
    const err = await tc.fail('staffList', {}, s.hot1);
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('系统管理员');
    expect((await tc.fail('consultationCreate', question, s.boss)).code).toBe('FORBIDDEN');
    expect(await tc.call('consultationList', {}, s.boss)).toEqual([]);
    expect((await tc.fail('callStart', {}, s.admin)).code).toBe('FORBIDDEN');
  });
});
