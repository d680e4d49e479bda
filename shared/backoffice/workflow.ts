import { t } from '../i18n';
import { formatChineseDate } from '../time/china-time';
import {
  FINAL_STAGES, type BackOfficeDecision, type BackOfficeDecisionView, type BackOfficeStage,
} from './api-schemas';

// The back office's rules, pure: which decision each stage allows, the stage that follows, and the
// words a decision is shown with (at the department and at the counter).

const NEXT: Record<BackOfficeStage, readonly BackOfficeDecision[]> = {
  pending: ['review_approved', 'review_returned'],
  // 专家评审 only where the item needs it: the officer may go straight to 公示
  approved: ['expert_reviewed', 'publicized'],
  expert_passed: ['publicized'],
  expert_failed: [],
  publicized: ['paid'],
  paid: [],
  // until the counter routes it again
  returned: [],
};

export const nextDecisions = (stage: BackOfficeStage): BackOfficeDecision[] => [...NEXT[stage]];

export const isFinal = (stage: BackOfficeStage): boolean => (FINAL_STAGES as readonly BackOfficeStage[]).includes(stage);

/** The stage a decision leads to (expert_reviewed: by its result). */
export function stageAfter(decision: BackOfficeDecision, result?: 'passed' | 'failed' | null): BackOfficeStage {
  switch (decision) {
    case 'review_approved': return 'approved';
    case 'review_returned': return 'returned';
    case 'expert_reviewed': return result === 'failed' ? 'expert_failed' : 'expert_passed';
    case 'publicized': return 'publicized';
    case 'paid': return 'paid';
  }
}

/** ¥12,000.00 from 1200000 fen. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

type DecisionFacts = Pick<BackOfficeDecisionView, 'decision' | 'note' | 'result' | 'amountFen' | 'paidOn' | 'from' | 'to'> & { reason?: string };

/** A decision in words (zh-CN), e.g. "已兑现 ¥12,000.00（2026年12月1日）". */
export function decisionSummary(d: DecisionFacts): string {
  switch (d.decision) {
    case 'review_approved': return t('backoffice.summary.review_approved');
    case 'review_returned': return t('backoffice.summary.review_returned', { reason: d.reason ?? d.note });
    case 'expert_reviewed': return t(d.result === 'failed' ? 'backoffice.summary.expert_failed' : 'backoffice.summary.expert_passed');
    case 'publicized':
      return t('backoffice.summary.publicized', { from: formatChineseDate(d.from ?? ''), to: formatChineseDate(d.to ?? '') });
    case 'paid':
      return t('backoffice.summary.paid', { amount: formatYuan(d.amountFen ?? 0), date: formatChineseDate(d.paidOn ?? '') });
  }
}

/** The result text the counter delivers: the last final decision's words (with its note), or ''. */
export function suggestedResult(stage: BackOfficeStage, decisions: readonly DecisionFacts[]): string {
  if (!isFinal(stage)) return '';
  const last = decisions[decisions.length - 1];
  if (!last) return '';
  const words = decisionSummary(last);
  return last.note ? `${words}。${last.note}` : words;
}
