import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import type { Consultation } from '@shared/consultations/schemas';
import { CallEndInput } from '@shared/hotline/schemas';
import { checkUscc } from '@shared/enterprise/uscc';
import { validationError } from '@shared/api/validation';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { errorData, showFieldErrors } from '../common/errors';
import { useReportError } from '../common/useReportError';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { ConsultationFields } from '../consultations/ConsultationFields';
import { FORM_FIELDS, emptyConsultation, toInput } from '../consultations/form-values';
import { usePolicyLinkTarget } from '../policies/usePolicyLinkTarget';
import { useHotlineStore, type CallFormValues } from './hotline-store';

const CALL_FIELDS = [...FORM_FIELDS, 'callerNumber'];

interface Props {
  /** lets the page end the call with Ctrl+Enter wherever the focus is */
  submitRef: RefObject<(() => void) | null>;
  call: { id: string; startedAt: string };
  onEnded(saved: Consultation | null): void;
  /** the company's code once it is a valid one (for 政策匹配), else null */
  onUsccChange?(uscc: string | null): void;
}

/** What the operator types while talking: the caller's number first, then the consultation. */
export function CallForm({ submitRef, call, onEnded, onUsccChange }: Props) {
  const [form] = Form.useForm<CallFormValues>();
  const callerRef = useRef<InputRef>(null);
  const { busy, run } = useSubmitOnce();
  const [problems, setProblems] = useState<string[]>([]);
  const report = useReportError();

  useEffect(() => callerRef.current?.focus(), [call.id]);
  // policies linked from the panel beside the form (or a policy's detail) are part of the draft too
  const keepDraft = useCallback(() => useHotlineStore.getState().saveDraft(form.getFieldsValue()), [form]);
  usePolicyLinkTarget(form, 'call', keepDraft);
  const uscc = Form.useWatch<string | undefined>('uscc', form);
  const validUscc = uscc && checkUscc(uscc.trim()).ok ? uscc.trim() : null;
  useEffect(() => onUsccChange?.(validUscc), [validUscc, onUsccChange]);
  useEffect(() => {
    submitRef.current = () => form.submit();
    return () => {
      submitRef.current = null;
    };
  }, [form, submitRef]);

  const endCall = ({ callerNumber, ...values }: CallFormValues) =>
    run(async () => {
      setProblems([]);
      const input = { id: call.id, callerNumber: (callerNumber ?? '').trim(), fields: toInput(values) };
      const parsed = CallEndInput.safeParse(input);
      if (!parsed.success) return setProblems(showFieldErrors(form, validationError(parsed.error, input).toData(), CALL_FIELDS, 'fields.'));
      try {
        onEnded(await api.callEnd(input));
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        if (data.code === 'UNAUTHENTICATED') report(e);
        else if (data.code === 'CALL_ALREADY_ENDED' || data.code === 'NOT_FOUND') {
          report(e);
          onEnded(null);
          return 'closed';
        } else setProblems(showFieldErrors(form, data, CALL_FIELDS, 'fields.'));
      }
    });

  // A field rule failed (the code): show what else is wrong too, all in one go.
  const alsoCheckTheRest = ({ values: { callerNumber, ...values }, errorFields }: { values: CallFormValues; errorFields: { name: (string | number)[] }[] }) => {
    const input = { id: call.id, callerNumber: (callerNumber ?? '').trim(), fields: toInput(values) };
    const parsed = CallEndInput.safeParse(input);
    if (parsed.success) return;
    const invalid = validationError(parsed.error, input).toData();
    const flagged = new Set(errorFields.map((f) => f.name.join('.')));
    const rest = invalid.fields?.filter((f) => !flagged.has(f.path.replace(/^fields\./, '')));
    // after the form has finished writing its own validation results
    if (rest?.length) setTimeout(() => setProblems(showFieldErrors(form, { ...invalid, fields: rest }, CALL_FIELDS, 'fields.', false)));
  };

  return (
    <Form<CallFormValues>
      form={form}
      layout="vertical"
      initialValues={{ ...emptyConsultation(), callerNumber: '', ...useHotlineStore.getState().draft }}
      onValuesChange={(_, all) => useHotlineStore.getState().saveDraft(all)}
      onFinish={endCall}
      onFinishFailed={alsoCheckTheRest}
      autoComplete="off"
      scrollToFirstError={{ block: 'center', focus: true }}
    >
      <Form.Item name="callerNumber" label={t('field.callerNumber')} required>
        <Input ref={callerRef} prefix={<PhoneOutlined />} maxLength={24} inputMode="tel" style={{ maxWidth: 320 }} />
      </Form.Item>
      <ConsultationFields showMinutes={false} />
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join(' ')} style={{ marginBottom: 12 }} role="alert" />}
      <Button type="primary" danger htmlType="submit" loading={busy}>
        {t('hotline.endCall')}
      </Button>
    </Form>
  );
}
