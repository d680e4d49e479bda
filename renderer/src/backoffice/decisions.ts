import { BACK_OFFICE_DECISIONS, type BackOfficeDecision } from '@shared/backoffice/api-schemas';

/** Each decision's key in the case view (and on its button): 1 审核通过 … 5 兑现, in workflow order. */
export const DECISION_KEY: Record<BackOfficeDecision, string> = Object.fromEntries(BACK_OFFICE_DECISIONS.map((d, i) => [d, String(i + 1)])) as Record<
  BackOfficeDecision,
  string
>;

export const decisionOfKey = (key: string): BackOfficeDecision | undefined => BACK_OFFICE_DECISIONS.find((d) => DECISION_KEY[d] === key);

/** 公示期: from today, this many working days by default (the officer may change both dates). */
export const PUBLICITY_WORKING_DAYS = 5;
