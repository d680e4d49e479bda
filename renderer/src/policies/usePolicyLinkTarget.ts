import { useEffect } from 'react';
import { App, Form, type FormInstance } from 'antd';
import { LIMITS } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { sameLink, useLinkTargetStore, type LinkTarget, type LinkedPolicy } from './link-target-store';

/**
 * A consultation or call form offers itself as the place policies are linked to while it is open
 * (the panel beside it, a policy's detail). `changed` runs after each change made from outside the
 * form's own fields (the hotline keeps its draft with it).
 */
export function usePolicyLinkTarget(form: FormInstance, kind: LinkTarget['kind'], changed?: () => void): void {
  const { message } = App.useApp();
  const links = Form.useWatch<LinkedPolicy[] | undefined>('policyLinks', form);

  useEffect(() => {
    const current = (): LinkedPolicy[] => (form.getFieldValue('policyLinks') as LinkedPolicy[] | undefined) ?? [];
    const target: LinkTarget = {
      kind,
      links: links ?? [],
      add(link) {
        const now = current();
        if (now.some((l) => sameLink(l, link))) return;
        if (now.length >= LIMITS.policyLinks) return void message.warning(t('link.tooMany', { n: LIMITS.policyLinks }));
        form.setFieldValue('policyLinks', [...now, link]);
        changed?.();
      },
      remove(link) {
        form.setFieldValue('policyLinks', current().filter((l) => !sameLink(l, link)));
        const last = useLinkTargetStore.getState().lastLinked;
        if (last && sameLink(last, link)) useLinkTargetStore.setState({ lastLinked: null });
        changed?.();
      },
      appendAnswer(text) {
        const answer = ((form.getFieldValue('answer') as string | undefined) ?? '').trimEnd();
        form.setFieldValue('answer', answer ? `${answer}\n${text}` : text);
        changed?.();
      },
    };
    useLinkTargetStore.setState({ target });
  }, [form, kind, links, changed, message]);

  useEffect(() => () => useLinkTargetStore.setState({ target: null, lastLinked: null }), []);
}
