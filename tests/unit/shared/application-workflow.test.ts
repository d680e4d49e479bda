import { describe, expect, it } from 'vitest';
import { allowed, decisionProblem, stateAfter, type ChecklistEntry } from '@shared/applications/workflow';

const m = (name: string, state: ChecklistEntry['state'], required = true, deferrable = false): ChecklistEntry => ({ name, state, required, deferrable });

describe('受理 decisions against the checklist', () => {
  it('needs every material checked first (except to refuse)', () => {
    const list = [m('营业执照', 'present'), m('申报表', 'pending')];
    expect(decisionProblem('accept', list)).toEqual({ code: 'MATERIALS_INCOMPLETE', names: ['申报表'] });
    expect(decisionProblem('refuse', list)).toBeNull();
  });

  it('受理 needs every required material present; a missing optional one is fine', () => {
    expect(decisionProblem('accept', [m('营业执照', 'present'), m('佐证材料', 'missing', false)])).toBeNull();
    expect(decisionProblem('accept', [m('营业执照', 'present'), m('审计报告', 'defective')])).toMatchObject({ key: 'application.acceptNeedsAll', names: ['审计报告'] });
  });

  it('容缺受理 only for missing materials that may be deferred, never for defective ones', () => {
    expect(decisionProblem('accept_deferred', [m('营业执照', 'present'), m('财务报告', 'missing', true, true)])).toBeNull();
    expect(decisionProblem('accept_deferred', [m('申报表', 'missing', true, false)])).toMatchObject({ key: 'application.deferredNotAllowed', names: ['申报表'] });
    expect(decisionProblem('accept_deferred', [m('财务报告', 'defective', true, true)])).toMatchObject({ key: 'application.deferredNotAllowed' });
    expect(decisionProblem('accept_deferred', [m('营业执照', 'present')])).toMatchObject({ key: 'application.nothingToCorrect' });
  });

  it('补正 needs something missing or defective', () => {
    expect(decisionProblem('correction', [m('营业执照', 'present')])).toMatchObject({ key: 'application.nothingToCorrect' });
    expect(decisionProblem('correction', [m('营业执照', 'defective')])).toBeNull();
  });

  it('moves to the right state, and each action only from its states', () => {
    expect([stateAfter('accept'), stateAfter('accept_deferred'), stateAfter('correction'), stateAfter('refuse')]).toEqual(['accepted', 'accepted', 'correction', 'refused']);
    expect(allowed('decide', 'receiving')).toBe(true);
    expect(allowed('decide', 'correction')).toBe(false);
    expect(allowed('supplement', 'correction')).toBe(true);
    expect(allowed('route', 'accepted')).toBe(true);
    expect(allowed('deliver', 'accepted')).toBe(false);
    expect(allowed('extend', 'delivered')).toBe(false);
  });
});
