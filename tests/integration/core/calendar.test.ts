import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, withStaff, type TestCore } from '../../helpers/core';

let tc: TestCore;
afterEach(() => tc?.close());

const reply = { question: '人才公寓怎么申请？', category: 'talent' as const, result: 'reply_needed' as const, complexity: 'simple' as const };

describe('the admin keeps the working-day calendar', () => {
  it('a day the admin marks as holiday moves every later due date', async () => {
    tc = makeCore({ at: '2026-11-26T10:00:00+08:00' }); // Thursday
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    expect((await tc.call('consultationCreate', reply, s.clerk1)).dueDate).toBe('2026-11-27');
    await tc.call('calendarSet', { date: '2026-11-27', kind: 'holiday', name: '本地停工' }, s.admin);
    expect((await tc.call('consultationCreate', reply, s.clerk1)).dueDate).toBe('2026-11-30');
    await tc.call('calendarRemove', { date: '2026-11-27' }, s.admin);
    expect((await tc.call('consultationCreate', reply, s.clerk1)).dueDate).toBe('2026-11-27');
    expect((await tc.fail('calendarSet', { date: '2026-11-27', kind: 'holiday', name: 'x' }, s.clerk1)).code).toBe('FORBIDDEN');
  });

  it('imports a later year’s notice in the same format', async () => {
    tc = makeCore({ at: '2026-12-31T10:00:00+08:00' }); // Thursday
    const s = await withStaff(tc, [{ username: 'clerk1', displayName: '李娜', roles: ['counter'] }]);
    expect((await tc.call('calendarDays', {}, s.clerk1)).years).toEqual([2026]);
    // without 2027 entered, 1 Jan 2027 (a Friday) counts as a working day
    expect((await tc.call('consultationCreate', reply, s.clerk1)).dueDate).toBe('2027-01-01');
    const after = await tc.call('calendarImportNotice', {
      year: 2027, source: '测试用通知',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      adjustedWorkdays: [],
    }, s.admin);
    expect(after.years).toEqual([2026, 2027]);
    expect((await tc.call('consultationCreate', reply, s.clerk1)).dueDate).toBe('2027-01-04');
    const bad = await tc.fail('calendarImportNotice', { year: 2027, holidays: [{ name: '元旦', from: '2027-13-01', to: '2027-01-03' }], adjustedWorkdays: [] }, s.admin);
    expect(bad.fields?.[0]).toEqual({ path: 'holidays.0.from', message: '“开始日期”应为日期（年-月-日）。' });
  });
});
