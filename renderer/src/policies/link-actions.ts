import type { KeyboardEvent } from 'react';
import { t } from '@shared/i18n';
import { keyPointsText, useLinkTargetStore, type LinkedPolicy } from './link-target-store';
import { usePolicyCache } from './policy-cache';

/**
 * Appends a linked policy's key points to the open form's 答复内容. Resolves to what happened, in
 * the catalogue's words, for the caller's message.
 */
export async function copyKeyPointsToAnswer(link: Pick<LinkedPolicy, 'policyId' | 'itemId'> | null): Promise<{ ok: boolean; message: string }> {
  const target = useLinkTargetStore.getState().target;
  if (!link || !target) return { ok: false, message: t('link.nothingToCopy') };
  const detail = await usePolicyCache.getState().get(link.policyId);
  const text = keyPointsText(detail, link.itemId);
  if (!text) return { ok: false, message: t('link.noKeyPoints') };
  target.appendAnswer(text);
  return { ok: true, message: t('link.copiedToAnswer') };
}

/**
 * The keys of a form that links policies, on its wrapper: Alt+P the policy search beside it,
 * Alt+K the last linked item's key points into the answer, Alt+M matching for the company.
 */
export function linkKeys({ onCopy, onMatch }: { onCopy(): void; onMatch?(): void }) {
  return (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.code === 'KeyP') {
      const focus = useLinkTargetStore.getState().focusSearch;
      if (!focus) return;
      e.preventDefault();
      e.stopPropagation();
      focus();
    } else if (e.code === 'KeyK') {
      e.preventDefault();
      e.stopPropagation();
      onCopy();
    } else if (e.code === 'KeyM' && onMatch) {
      e.preventDefault();
      e.stopPropagation();
      onMatch();
    }
  };
}
