import { create } from 'zustand';
import type { PolicyDetail, PolicyItemView } from '@shared/policies/api-schemas';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';

/** A link as the form holds it: what is saved (policyId, itemId) and what is shown. */
export type LinkedPolicy = Consultation['policyLinks'][number];

/** The open consultation or call form, which policies can be linked to and whose answer can be added to. */
export interface LinkTarget {
  kind: 'consultation' | 'call';
  links: LinkedPolicy[];
  add(link: LinkedPolicy): void;
  remove(link: Pick<LinkedPolicy, 'policyId' | 'itemId'>): void;
  /** appends text to 答复内容 */
  appendAnswer(text: string): void;
}

interface LinkTargetState {
  target: LinkTarget | null;
  /** the link the clerk chose last: what Alt+K copies */
  lastLinked: LinkedPolicy | null;
  /** Alt+P: the panel's search box takes the focus */
  focusSearch: (() => void) | null;
}

export const useLinkTargetStore = create<LinkTargetState>(() => ({ target: null, lastLinked: null, focusSearch: null }));

export const sameLink = (a: Pick<LinkedPolicy, 'policyId' | 'itemId'>, b: Pick<LinkedPolicy, 'policyId' | 'itemId'>) =>
  a.policyId === b.policyId && (a.itemId ?? null) === (b.itemId ?? null);

export const linkOf = (policy: Pick<PolicyDetail, 'id' | 'title' | 'docNo'>, item: Pick<PolicyItemView, 'id' | 'name'> | null): LinkedPolicy => ({
  policyId: policy.id,
  itemId: item?.id ?? null,
  title: policy.title,
  docNo: policy.docNo,
  itemName: item?.name ?? null,
});

/** What "复制要点" puts into the answer: the item's 申报要点, or for a whole policy its 解读要点. */
export function keyPointsText(policy: PolicyDetail, itemId: string | null): string {
  const item = itemId ? policy.items.find((i) => i.id === itemId) : undefined;
  const points = (item ? item.keyPoints : policy.interpretation.keyPoints).trim();
  if (!points) return '';
  return item ? t('link.answerItem', { title: policy.title, item: item.name, points }) : t('link.answerPolicy', { title: policy.title, points });
}
