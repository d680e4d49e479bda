import type { Ref } from 'react';
import { Form, Input, Typography, type InputRef } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { checkUscc, checkUsccPrefix, type UsccCheck } from '@shared/enterprise/uscc';
import { t } from '@shared/i18n';

/** The exact reason a code is wrong, in the catalogue's words. */
export function usccProblem(r: UsccCheck | { ok: true; partial: true }): string | null {
  if (r.ok) return null;
  switch (r.reason) {
    case 'USCC_LENGTH': return t('error.USCC_LENGTH', { n: r.n });
    case 'USCC_CHAR': return t('error.USCC_CHAR', { pos: r.pos, ch: r.ch });
    case 'USCC_CHECKSUM': return t('error.USCC_CHECKSUM');
  }
}

const rejectIf = (problem: string | null) => (problem ? Promise.reject(new Error(problem)) : Promise.resolve());

/**
 * 统一社会信用代码, checked as it is typed: a wrong character at once, the check digit when all
 * 18 are in, the length when the field is left (or the form saved); green when it is right.
 */
export function UsccField({ inputRef, autoFocus }: { inputRef?: Ref<InputRef>; autoFocus?: boolean }) {
  const value = Form.useWatch<string | undefined>('uscc');
  const valid = !!value && checkUscc(value).ok;
  return (
    <Form.Item
      name="uscc"
      label={t('field.uscc')}
      normalize={(v: string) => v.toUpperCase()}
      validateTrigger={['onChange', 'onBlur']}
      rules={[
        { validator: (_, v?: string) => rejectIf(v ? usccProblem(checkUsccPrefix(v)) : null) },
        // the length, once the field is left or the form saved (the rule above already names a bad character or check digit)
        { validateTrigger: 'onBlur', validator: (_, v?: string) => rejectIf(v?.trim() && checkUsccPrefix(v).ok ? usccProblem(checkUscc(v)) : null) },
      ]}
      validateStatus={valid ? 'success' : undefined}
      help={
        valid ? (
          <Typography.Text type="success" data-testid="uscc-ok">
            <CheckCircleFilled /> {t('consult.usccOk')}
          </Typography.Text>
        ) : undefined
      }
    >
      <Input ref={inputRef} autoFocus={autoFocus} autoComplete="off" spellCheck={false} placeholder={t('consult.usccPlaceholder')} />
    </Form.Item>
  );
}
