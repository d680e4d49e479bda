import { useState } from 'react';
import { Alert, Flex, Form, Input, Modal, Radio, Typography, type CheckboxRef, type InputRef } from 'antd';
import { BackOfficeDecideInput, BACK_OFFICE_LIMITS, type BackOfficeCaseDetail, type BackOfficeDecision } from '@shared/backoffice/api-schemas';
import { validationError } from '@shared/api/validation';
import { formatYuan } from '@shared/backoffice/workflow';
import type { AppErrorData } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { useToday } from '../app/status-store';
import { useCalendarStore } from '../common/calendar-store';
import { DateField } from '../common/DateField';
import { errorData, showFieldErrors } from '../common/errors';
import { FormButtons } from '../common/FormButtons';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { useFocusOnOpen } from '../applications/useFocusOnOpen';
import { PUBLICITY_WORKING_DAYS } from './decisions';
import { yuanToFen } from './money';

interface Values {
  note: string;
  reason: string;
  result?: 'passed' | 'failed';
  from: string;
  to: string;
  amount: string;
  paidOn: string;
}
const FIELDS = ['note', 'reason', 'result', 'from', 'to', 'amount', 'paidOn'] as const;

/** 审核通过 / 退回补正 / 专家评审 / 公示 / 兑现: one form each; Enter records it, Esc closes. */
export function DecisionModal({ decision, detail, onClose, onDecided }: {
  decision: BackOfficeDecision | null;
  detail: BackOfficeCaseDetail;
  onClose(): void;
  onDecided(after: BackOfficeCaseDetail): void;
}) {
  useOverlay(!!decision);
  return (
    <Modal
      open={!!decision}
      title={decision ? t('boUi.decide.title', { decision: t(`backoffice.decision.${decision}`), caseNo: detail.caseNo }) : ''}
      onCancel={onClose}
      footer={null}
      width={560}
      destroyOnHidden
    >
      {decision && <DecisionForm decision={decision} detail={detail} onClose={onClose} onDecided={onDecided} />}
    </Modal>
  );
}

/** The zod input of a decision from the form; null with the form's own message when the amount is not money. */
function inputOf(decision: BackOfficeDecision, id: string, v: Values): unknown {
  const note = (v.note ?? '').trim();
  switch (decision) {
    case 'review_approved': return { id, decision, note };
    case 'review_returned': return { id, decision, note, reason: (v.reason ?? '').trim() };
    case 'expert_reviewed': return { id, decision, note, result: v.result };
    case 'publicized': return { id, decision, note, from: v.from, to: v.to };
    case 'paid': return { id, decision, note, amountFen: yuanToFen(v.amount ?? '') ?? undefined, paidOn: v.paidOn };
  }
}

/** The core and zod name `amountFen`; the form shows it under the amount in yuan. */
const onForm = (data: AppErrorData): AppErrorData => ({ ...data, fields: data.fields?.map((f) => (f.path === 'amountFen' ? { ...f, path: 'amount' } : f)) });

function DecisionForm({ decision, detail, onClose, onDecided }: { decision: BackOfficeDecision; detail: BackOfficeCaseDetail; onClose(): void; onDecided(after: BackOfficeCaseDetail): void }) {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmitOnce();
  const [problems, setProblems] = useState<string[]>([]);
  const today = useToday();
  const calendar = useCalendarStore((s) => s.calendar);
  const amount = Form.useWatch('amount', form) ?? '';
  const fen = yuanToFen(amount);
  const first = useFocusOnOpen<InputRef>();
  const firstRadio = useFocusOnOpen<CheckboxRef>();

  const save = (v: Values) =>
    run(async () => {
      setProblems([]);
      if (decision === 'paid' && yuanToFen(v.amount ?? '') === null) {
        form.setFields([{ name: 'amount', errors: [t('boUi.paid.amountInvalid')] }]);
        return;
      }
      const input = inputOf(decision, detail.id, v);
      const parsed = BackOfficeDecideInput.safeParse(input);
      if (!parsed.success) return setProblems(showFieldErrors(form, onForm(validationError(parsed.error, input).toData()), FIELDS));
      try {
        onDecided(await api.backOfficeDecide(parsed.data));
        return 'closed';
      } catch (e) {
        setProblems(showFieldErrors(form, onForm(errorData(e)), FIELDS));
      }
    });

  // Enter records the decision from any field (a radio or a date too); Esc is the dialog's
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return;
    const el = e.target as HTMLElement;
    if (el.tagName === 'BUTTON' || el.tagName === 'TEXTAREA') return;
    e.preventDefault();
    form.submit();
  };

  const noteField = (autoFocus: boolean) => (
    <Form.Item name="note" label={t('boUi.decide.note')}>
      <Input ref={autoFocus ? first : undefined} maxLength={BACK_OFFICE_LIMITS.note} aria-label={t('boUi.decide.note')} />
    </Form.Item>
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        note: '',
        reason: '',
        from: today,
        to: today ? calendar.addWorkingDays(today, PUBLICITY_WORKING_DAYS) : '',
        amount: '',
        paidOn: today,
      }}
      onFinish={save}
      onKeyDown={onKeyDown}
      autoComplete="off"
      data-testid="bo-decide-form"
      data-decision={decision}
    >
      {decision === 'review_returned' && (
        <Form.Item name="reason" label={t('boUi.returned.reason')} rules={[{ required: true, whitespace: true, message: t('boUi.returned.reasonRequired') }]}>
          <Input ref={first} maxLength={BACK_OFFICE_LIMITS.reason} placeholder={t('boUi.returned.placeholder')} aria-label={t('boUi.returned.reason')} />
        </Form.Item>
      )}
      {decision === 'expert_reviewed' && (
        <Form.Item name="result" label={t('boUi.expert.result')} rules={[{ required: true, message: t('boUi.expert.resultRequired') }]}>
          <Radio.Group aria-label={t('boUi.expert.result')}>
            <Radio value="passed" ref={firstRadio}>
              {t('boUi.expert.passed')}
            </Radio>
            <Radio value="failed">{t('boUi.expert.failed')}</Radio>
          </Radio.Group>
        </Form.Item>
      )}
      {decision === 'publicized' && (
        <Flex gap={12}>
          <Form.Item name="from" label={t('boUi.publicized.from')} style={{ flex: 1 }}>
            <DateField aria-label={t('boUi.publicized.from')} />
          </Form.Item>
          <Form.Item name="to" label={t('boUi.publicized.to')} style={{ flex: 1 }}>
            <DateField aria-label={t('boUi.publicized.to')} />
          </Form.Item>
        </Flex>
      )}
      {decision === 'paid' && (
        <Flex gap={12}>
          <Form.Item
            name="amount"
            label={t('boUi.paid.amount')}
            style={{ flex: 1 }}
            extra={fen !== null && fen > 0 ? <span data-testid="bo-amount-preview">{formatYuan(fen)}</span> : t('boUi.paid.amountHint')}
            rules={[{ required: true, whitespace: true, message: t('boUi.paid.amountRequired') }]}
          >
            <Input ref={first} inputMode="decimal" prefix="¥" aria-label={t('boUi.paid.amount')} />
          </Form.Item>
          <Form.Item name="paidOn" label={t('boUi.paid.paidOn')} style={{ flex: 1 }}>
            <DateField aria-label={t('boUi.paid.paidOn')} />
          </Form.Item>
        </Flex>
      )}
      {noteField(decision === 'review_approved' || decision === 'publicized')}
      {decision === 'publicized' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
          {t('boUi.publicized.hint', { n: PUBLICITY_WORKING_DAYS })}
        </Typography.Paragraph>
      )}
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} style={{ marginBottom: 8 }} data-testid="bo-decide-error" />}
      <FormButtons busy={busy} onCancel={onClose} submitLabel={t('boUi.decide.submit')} />
    </Form>
  );
}
