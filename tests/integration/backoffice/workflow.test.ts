import { describe, expect, it } from 'vitest';
import { BackOfficeDecideInput } from '@shared/backoffice/api-schemas';
import { decisionSummary, formatYuan, isFinal, nextDecisions, stageAfter, suggestedResult } from '@shared/backoffice/workflow';

// The back office's pure rules (shared/backoffice/workflow.ts): the stages in order, the words.

const facts = { note: '', result: null, amountFen: null, paidOn: null, from: null, to: null };

describe('back-office workflow', () => {
  it('walks 待审核 → 审核通过 → (专家评审) → 公示 → 已兑现, and ends at 退回补正 and the final results', () => {
    expect(nextDecisions('pending')).toEqual(['review_approved', 'review_returned']);
    expect(nextDecisions('approved')).toEqual(['expert_reviewed', 'publicized']);
    expect(nextDecisions('expert_passed')).toEqual(['publicized']);
    expect(nextDecisions('publicized')).toEqual(['paid']);
    for (const end of ['paid', 'expert_failed', 'returned'] as const) expect(nextDecisions(end)).toEqual([]);
    expect(stageAfter('expert_reviewed', 'failed')).toBe('expert_failed');
    expect(stageAfter('expert_reviewed', 'passed')).toBe('expert_passed');
    expect(stageAfter('review_returned')).toBe('returned');
    expect([isFinal('paid'), isFinal('expert_failed'), isFinal('returned'), isFinal('publicized')]).toEqual([true, true, false, false]);
  });

  it('writes amounts in yuan with thousands and two decimals', () => {
    expect(formatYuan(1_200_000)).toBe('¥12,000.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(123_456_789_01)).toBe('¥123,456,789.01');
  });

  it('puts each decision in words, and suggests the result only once it is final', () => {
    const paid = { ...facts, decision: 'paid' as const, amountFen: 1_200_000, paidOn: '2026-12-01' };
    expect(decisionSummary(paid)).toBe('已兑现 ¥12,000.00（2026年12月1日）');
    expect(decisionSummary({ ...facts, decision: 'review_returned', reason: '缺少盖章页' })).toBe('退回补正：缺少盖章页');
    expect(suggestedResult('paid', [paid])).toBe('已兑现 ¥12,000.00（2026年12月1日）');
    expect(suggestedResult('publicized', [{ ...facts, decision: 'publicized', from: '2026-11-30', to: '2026-12-04' }])).toBe('');
  });

  it('checks a decision by its kind: a return needs its reason, a payment an amount in fen', () => {
    expect(BackOfficeDecideInput.safeParse({ id: 'a', decision: 'review_returned', reason: '' }).success).toBe(false);
    expect(BackOfficeDecideInput.safeParse({ id: 'a', decision: 'paid', amountFen: 12.5, paidOn: '2026-12-01' }).success).toBe(false);
    expect(BackOfficeDecideInput.safeParse({ id: 'a', decision: 'paid', amountFen: 1250, paidOn: '2026-12-01' }).data).toEqual({ id: 'a', decision: 'paid', amountFen: 1250, paidOn: '2026-12-01', note: '' });
    expect(BackOfficeDecideInput.safeParse({ id: 'a', decision: 'review_approved', note: '', amountFen: 1 }).success).toBe(false);
  });
});
