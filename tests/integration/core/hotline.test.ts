import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, withStaff, type TestCore } from '../../helpers/core';

let tc: TestCore;
afterEach(() => tc?.close());

const fields = {
  enterpriseName: '宁德某某电池材料有限公司',
  contactName: '林先生',
  question: '稳岗返还今年什么时候发？',
  category: 'subsidy' as const,
  result: 'reply_needed' as const,
  complexity: 'simple' as const,
};

describe('an operator takes hotline calls', () => {
  it('records the call from the moment it is picked up and its duration when it ends', async () => {
    tc = makeCore({ at: '2026-11-26T14:00:00+08:00' }); // Thursday
    const s = await withStaff(tc, [{ username: 'hot1', displayName: '陈静', roles: ['hotline'] }]);
    const call = await tc.call('callStart', {}, s.hot1);
    // the call is on file while it lasts, but not in today's list
    expect(tc.count('consultations')).toBe(1);
    expect(await tc.call('consultationList', { channel: 'hotline' }, s.hot1)).toHaveLength(0);
    tc.clock.advance(185);
    const ended = await tc.call('callEnd', { id: call.id, callerNumber: '13812345678', fields }, s.hot1);
    expect(ended.durationSeconds).toBe(185);
    expect(ended.minutesSpent).toBe(4);
    expect(ended.channel).toBe('hotline');
    expect(ended.dueDate).toBe('2026-11-27');
    expect(ended.ticketNo).toMatch(/^GD-20261126-/);
    expect((await tc.fail('callEnd', { id: call.id, callerNumber: '13812345678', fields }, s.hot1)).code).toBe('CALL_ALREADY_ENDED');
  });

  it('shows earlier calls from the same number at once', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'hot1', displayName: '陈静', roles: ['hotline'] }]);
    const first = await tc.call('callStart', {}, s.hot1);
    await tc.call('callEnd', { id: first.id, callerNumber: '0591-87654321', fields: { ...fields, result: 'answered', answer: '预计12月上旬发放。' } }, s.hot1);
    const other = await tc.call('callStart', {}, s.hot1);
    await tc.call('callEnd', { id: other.id, callerNumber: '13900000000', fields: { ...fields, result: 'answered', answer: '好的' } }, s.hot1);
    await tc.call('callStart', {}, s.hot1);
    const history = await tc.call('callsByNumber', { callerNumber: '0591-87654321' }, s.hot1);
    expect(history.map((c) => c.question)).toEqual(['稳岗返还今年什么时候发？']);
    expect(await tc.call('callsByNumber', { callerNumber: '' }, s.hot1)).toEqual([]);
  });

  it('turns an unanswered call into a ticket that becomes due soon, then overdue, and a return call closes it', async () => {
    tc = makeCore({ at: '2026-11-25T09:00:00+08:00' }); // Wednesday
    const s = await withStaff(tc, [{ username: 'hot1', displayName: '陈静', roles: ['hotline'] }, { username: 'hot2', displayName: '黄磊', roles: ['hotline'] }]);
    const call = await tc.call('callStart', {}, s.hot1);
    const ended = await tc.call('callEnd', { id: call.id, callerNumber: '13812345678', fields: { ...fields, complexity: 'complex' } }, s.hot1);
    expect(ended.dueDate).toBe('2026-11-30'); // Thu, Fri, Mon

    let [ticket] = await tc.call('ticketList', {}, s.hot1);
    expect(ticket).toMatchObject({ ticketNo: ended.ticketNo, dueDate: '2026-11-30', dueState: 'on_time', status: 'open', phone: '13812345678' });
    // another operator's list does not have it
    expect(await tc.call('ticketList', {}, s.hot2)).toEqual([]);

    tc.clock.set('2026-11-27T09:00:00+08:00'); // Friday: due on the next working day
    const fri = (await tc.call('signIn', { username: 'hot1', password: 'Passw0rd1' })).sessionId;
    [ticket] = await tc.call('ticketList', {}, fri);
    expect(ticket!.dueState).toBe('due_soon');

    tc.clock.set('2026-12-01T09:00:00+08:00'); // Tuesday: a day late
    const tue = (await tc.call('signIn', { username: 'hot1', password: 'Passw0rd1' })).sessionId;
    [ticket] = await tc.call('ticketList', {}, tue);
    expect(ticket!.dueState).toBe('overdue');

    const noAnswer = await tc.call('ticketReturnCall', { ticketId: ticket!.id, outcome: 'unreachable', note: '无人接听' }, tue);
    expect(noAnswer.status).toBe('open');
    const closed = await tc.call('ticketReturnCall', { ticketId: ticket!.id, outcome: 'resolved', note: '已告知发放时间' }, tue);
    expect(closed.status).toBe('closed');
    expect(closed.dueState).toBe('closed');
    expect(closed.events.map((e) => [e.kind, e.outcome])).toEqual([
      ['created', null], ['return_call', 'unreachable'], ['return_call', 'resolved'], ['closed', null],
    ]);
    expect(await tc.call('ticketList', {}, tue)).toEqual([]);
    expect(await tc.call('ticketList', { includeClosed: true }, tue)).toHaveLength(1);
    expect((await tc.fail('ticketReturnCall', { ticketId: ticket!.id, outcome: 'resolved' }, tue)).code).toBe('TICKET_CLOSED');
    // every step went to the outbox
    const ops = tc.core.db!.prepare("SELECT op FROM outbox WHERE entity = 'ticket' ORDER BY seq").all().map((r) => (r as { op: string }).op);
    expect(ops).toEqual(['create', 'return_call', 'return_call']);
  });

  it('gives the operator back a call left open by a reload, and only their own', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'hot1', displayName: '陈静', roles: ['hotline'] }, { username: 'hot2', displayName: '黄磊', roles: ['hotline'] }]);
    expect(await tc.call('callInProgress', {}, s.hot1)).toBeNull();
    const call = await tc.call('callStart', {}, s.hot1);
    expect(await tc.call('callInProgress', {}, s.hot1)).toEqual(call);
    expect(await tc.call('callInProgress', {}, s.hot2)).toBeNull();
    await tc.call('callEnd', { id: call.id, callerNumber: '13812345678', fields: { ...fields, result: 'answered', answer: '已答复' } }, s.hot1);
    expect(await tc.call('callInProgress', {}, s.hot1)).toBeNull();
  });

  it('refuses to end a call without the caller number', async () => {
    tc = makeCore();
    const s = await withStaff(tc, [{ username: 'hot1', displayName: '陈静', roles: ['hotline'] }]);
    const call = await tc.call('callStart', {}, s.hot1);
    const err = await tc.fail('callEnd', { id: call.id, callerNumber: '', fields }, s.hot1);
    expect(err.fields).toContainEqual({ path: 'callerNumber', message: '请填写“来电号码”。' });
  });
});
