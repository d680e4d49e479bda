import { afterEach, expect } from 'vitest';
import type { TestCore } from '../../helpers/core';
import { counterWithCompanies } from '../../helpers/counter';
import type { SyncTestCentre } from './centre';
import { SwitchableLink } from './switchable-link';

// A counter workstation enrolled at a suite's centre through a link the test can cut
// (switchable-link.ts); it syncs only when the test says (the background loop has its own test).
// Call linkedCounters in the suite's body: after each test the counter is closed and its link down.

export const answered = (question: string) => ({ question, category: 'talent' as const, result: 'answered' as const, answer: '可在人才服务平台在线申请。' });

export function linkedCounters(centre: () => SyncTestCentre) {
  let open: { tc: TestCore; link: SwitchableLink } | undefined;
  afterEach(async () => {
    open?.tc.close();
    await open?.link.down();
    open = undefined;
  });
  return async function enrolledCounter() {
    const counter = await counterWithCompanies({ sync: { background: false } });
    const link = new SwitchableLink(centre().address);
    open = { tc: counter.tc, link };
    await link.up();
    const status = await counter.tc.call('syncEnrol', { centreUrl: link.url, code: await centre().enrolCode(), deviceName: '3号窗口' }, counter.s.admin);
    expect(status.state).toBe('online');
    return { ...counter, link, deviceId: (await counter.tc.call('appStatus', {})).deviceId };
  };
}

export type LinkedCounter = Awaited<ReturnType<ReturnType<typeof linkedCounters>>>;
