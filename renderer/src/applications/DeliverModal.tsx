import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, type InputRef } from 'antd';
import { DELIVERY_METHODS, LIMITS, type ApplicationDetail } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { errorData, showFieldErrors } from '../common/errors';
import { FormButtons } from '../common/FormButtons';
import { submitOnCtrlEnter } from '../common/keys';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { useFocusOnOpen } from './useFocusOnOpen';
import { useWorkspace } from './workspace-context';

type Method = (typeof DELIVERY_METHODS)[number];
interface Values {
  method: Method;
  recipient: string;
  address: string;
  result: string;
  note: string;
}
const FIELDS = ['method', 'recipient', 'address', 'result', 'note'] as const;

/** 结果送达: how (窗口领取 / 邮寄 / 电子送达), to whom, where, what the result is; then the 送达回执. */
export function DeliverModal({ open, onClose, onDelivered }: { open: boolean; onClose(): void; onDelivered(after: ApplicationDetail): void }) {
  useOverlay(open);
  return (
    <Modal open={open} title={t('appUi.deliver.title')} onCancel={onClose} footer={null} width={600} destroyOnHidden>
      {open && <DeliverForm onClose={onClose} onDelivered={onDelivered} />}
    </Modal>
  );
}

function DeliverForm({ onClose, onDelivered }: { onClose(): void; onDelivered(after: ApplicationDetail): void }) {
  const { application, replace } = useWorkspace();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmitOnce();
  const [problems, setProblems] = useState<string[]>([]);
  const method = Form.useWatch('method', form) ?? 'window';
  const first = useFocusOnOpen<InputRef>();

  const save = (v: Values) =>
    run(async () => {
      setProblems([]);
      try {
        const after = await api.applicationDeliver({
          id: application.id,
          method: v.method,
          recipient: v.recipient.trim(),
          address: (v.address ?? '').trim(),
          result: v.result.trim(),
          note: (v.note ?? '').trim(),
        });
        replace(after);
        onDelivered(after);
        return 'closed';
      } catch (e) {
        setProblems(showFieldErrors(form, errorData(e), FIELDS));
      }
    });

  const addressLabel = method === 'post' ? t('appUi.deliver.addressPost') : method === 'electronic' ? t('appUi.deliver.addressElectronic') : t('appUi.deliver.addressWindow');

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      // the back office's result, when it has come back by sync
      initialValues={{ method: 'window', recipient: application.contactName, address: '', result: application.backOffice?.suggestedResult ?? '', note: '' }}
      onFinish={save}
      onKeyDown={submitOnCtrlEnter(() => form.submit())}
      autoComplete="off"
      data-testid="deliver-form"
    >
      <Form.Item name="method" label={t('appUi.deliver.method')}>
        <Radio.Group optionType="button" aria-label={t('appUi.deliver.method')}>
          {DELIVERY_METHODS.map((m) => (
            <Radio.Button key={m} value={m}>
              {t(`application.delivery.${m}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="recipient" label={t('appUi.deliver.recipient')} rules={[{ required: true, whitespace: true, message: t('appUi.deliver.recipientRequired') }]}>
        <Input ref={first} maxLength={LIMITS.recipient} aria-label={t('appUi.deliver.recipient')} />
      </Form.Item>
      <Form.Item
        name="address"
        label={addressLabel}
        rules={method === 'window' ? [] : [{ required: true, whitespace: true, message: t('appUi.deliver.addressRequired') }]}
      >
        <Input maxLength={LIMITS.address} aria-label={addressLabel} />
      </Form.Item>
      <Form.Item name="result" label={t('appUi.deliver.result')} rules={[{ required: true, whitespace: true, message: t('appUi.deliver.resultRequired') }]}>
        <Input.TextArea maxLength={LIMITS.result} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('appUi.deliver.resultPlaceholder')} aria-label={t('appUi.deliver.result')} />
      </Form.Item>
      <Form.Item name="note" label={t('appUi.deliver.note')}>
        <Input maxLength={LIMITS.note} aria-label={t('appUi.deliver.note')} />
      </Form.Item>
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} style={{ marginBottom: 8 }} />}
      <FormButtons busy={busy} onCancel={onClose} submitLabel={t('appUi.deliver.submit')} />
    </Form>
  );
}
