import { useEffect, useRef, useState, type RefObject } from 'react';
import { Alert, Button, Flex, Form, type InputRef } from 'antd';
import type { Consultation } from '@shared/consultations/schemas';
import { checkUscc } from '@shared/enterprise/uscc';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { errorData, showFieldErrors } from '../common/errors';
import { submitOnCtrlEnter } from '../common/keys';
import { useReportError } from '../common/useReportError';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { usePolicyLinkTarget } from '../policies/usePolicyLinkTarget';
import { ConsultationFields } from './ConsultationFields';
import { FORM_FIELDS, checkConsultation, emptyConsultation, fromConsultation, toInput, type ConsultationFormValues } from './form-values';

interface Props {
  /** null: a new consultation */
  editing: Consultation | null;
  onCancel(): void;
  onSaved(saved: Consultation): void;
  /** the company's code once it is a valid one (for 政策匹配), else null */
  onUsccChange?(uscc: string | null): void;
  /** lets the drawer save with Ctrl+Enter from beside the form (the policy panel) */
  submitRef?: RefObject<(() => void) | null>;
  /** lets the drawer put the cursor in the first field once it has opened */
  focusRef?: RefObject<(() => void) | null>;
}

/** Log (or correct) a consultation at the window. Enter saves from a one-line field, Ctrl+Enter from anywhere. */
export function ConsultationForm({ editing, onCancel, onSaved, onUsccChange, submitRef, focusRef }: Props) {
  const [form] = Form.useForm<ConsultationFormValues>();
  const firstField = useRef<InputRef>(null);
  const { busy, run } = useSubmitOnce();
  const [problems, setProblems] = useState<string[]>([]);
  const report = useReportError();

  useEffect(() => firstField.current?.focus(), []);
  useEffect(() => {
    if (!focusRef) return;
    focusRef.current = () => firstField.current?.focus();
    return () => {
      focusRef.current = null;
    };
  }, [focusRef]);
  usePolicyLinkTarget(form, 'consultation');
  useEffect(() => {
    if (!submitRef) return;
    submitRef.current = () => form.submit();
    return () => {
      submitRef.current = null;
    };
  }, [form, submitRef]);
  const uscc = Form.useWatch<string | undefined>('uscc', form);
  const validUscc = uscc && checkUscc(uscc.trim()).ok ? uscc.trim() : null;
  useEffect(() => onUsccChange?.(validUscc), [validUscc, onUsccChange]);

  const save = (values: ConsultationFormValues) =>
    run(async () => {
      setProblems([]);
      const input = toInput(values);
      const invalid = checkConsultation(input);
      if (invalid) return setProblems(showFieldErrors(form, invalid, FORM_FIELDS));
      try {
        onSaved(editing ? await api.consultationUpdate({ id: editing.id, fields: input }) : await api.consultationCreate(input));
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        if (data.code === 'UNAUTHENTICATED') report(e);
        else setProblems(showFieldErrors(form, data, FORM_FIELDS));
      }
    });

  // A field rule failed (the code): show what else is wrong too, all in one go; the form's own
  // scroll-to-first-error then puts the cursor on the first bad field.
  const alsoCheckTheRest = ({ values, errorFields }: { values: ConsultationFormValues; errorFields: { name: (string | number)[] }[] }) => {
    const invalid = checkConsultation(toInput(values));
    const flagged = new Set(errorFields.map((f) => f.name.join('.')));
    const rest = invalid?.fields?.filter((f) => !flagged.has(f.path));
    // after the form has finished writing its own validation results
    if (invalid && rest?.length) setTimeout(() => setProblems(showFieldErrors(form, { ...invalid, fields: rest }, FORM_FIELDS, '', false)));
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={editing ? fromConsultation(editing) : emptyConsultation()}
      onFinish={save}
      onFinishFailed={alsoCheckTheRest}
      onKeyDown={submitOnCtrlEnter(() => form.submit())}
      autoComplete="off"
      scrollToFirstError={{ block: 'center', focus: true }}
    >
      <ConsultationFields firstFieldRef={firstField} />
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join(' ')} style={{ marginBottom: 12 }} role="alert" />}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.saveHint')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
