import { useRef, useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { KeyboardEvent } from 'react';
import { RETURN_CALL_OUTCOMES, type Ticket } from '@shared/hotline/schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { errorData } from '../common/errors';
import { isCtrlEnter } from '../common/keys';
import { useReportError } from '../common/useReportError';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { useOverlay } from '../app/commands-store';

interface Values {
  outcome: Ticket['events'][number]['outcome'];
  note: string;
}

/** 回访: what the caller said when called back; 已解决 closes the ticket. */
export function ReturnCallModal({ ticket, onClose, onDone }: { ticket: Ticket | null; onClose(): void; onDone(t: Ticket): void }) {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmitOnce();
  const [problem, setProblem] = useState<string | null>(null);
  const report = useReportError();
  const box = useRef<HTMLDivElement>(null);
  useOverlay(!!ticket);

  const save = (v: Values) =>
    run(async () => {
      if (!ticket || !v.outcome) return;
      setProblem(null);
      try {
        onDone(await api.ticketReturnCall({ ticketId: ticket.id, outcome: v.outcome, note: v.note ?? '' }));
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        if (data.code === 'UNAUTHENTICATED') report(e);
        else setProblem(data.fields?.map((f) => f.message).join(' ') || data.message);
      }
    });

  // Enter on an outcome saves; Ctrl+Enter saves from the note
  const onKeyDown = (e: KeyboardEvent) => {
    const onRadio = e.target instanceof HTMLInputElement && e.target.type === 'radio';
    if (isCtrlEnter(e) || (e.key === 'Enter' && onRadio)) {
      e.preventDefault();
      form.submit();
    }
  };

  return (
    <Modal
      open={!!ticket}
      title={ticket ? t('ticket.returnCallTitleNo', { ticketNo: ticket.ticketNo }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.saveHint')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(open) => open && box.current?.querySelector<HTMLInputElement>('input[type=radio]')?.focus()}
    >
      <div ref={box}>
      <Form form={form} layout="vertical" onFinish={save} onKeyDown={onKeyDown} initialValues={{ note: '' }}>
        <Form.Item name="outcome" label={t('field.outcome')} rules={[{ required: true, message: t('error.FIELD_REQUIRED', { field: t('field.outcome') }) }]}>
          <Radio.Group
            orientation="vertical"
            options={RETURN_CALL_OUTCOMES.map((o) => ({ value: o, label: t(`ticket.outcome.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={`${t('field.note')}${t('common.optional')}`}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </Form>
      </div>
    </Modal>
  );
}
