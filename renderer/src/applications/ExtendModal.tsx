import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Typography, type GetRef } from 'antd';
import { LIMITS } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { useCalendarStore } from '../common/calendar-store';
import { errorData, showFieldErrors } from '../common/errors';
import { FormButtons } from '../common/FormButtons';
import { submitOnCtrlEnter } from '../common/keys';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { useFocusOnOpen } from './useFocusOnOpen';
import { useWorkspace } from './workspace-context';

interface Values {
  days: number | null;
  reason: string;
}

/** 延期: working days and the reason (both on record); the new due date is shown before saving. */
export function ExtendModal({ open, onClose }: { open: boolean; onClose(): void }) {
  useOverlay(open);
  return (
    <Modal open={open} title={t('appUi.extend.title')} onCancel={onClose} footer={null} width={520} destroyOnHidden>
      {open && <ExtendForm onClose={onClose} />}
    </Modal>
  );
}

function ExtendForm({ onClose }: { onClose(): void }) {
  const { application, replace } = useWorkspace();
  const [form] = Form.useForm<Values>();
  const calendar = useCalendarStore((s) => s.calendar);
  const { busy, run } = useSubmitOnce();
  const [problems, setProblems] = useState<string[]>([]);
  const days = Form.useWatch('days', form);
  const first = useFocusOnOpen<GetRef<typeof InputNumber>>();
  const from = application.deadline.dueDate;
  const newDue = from && days ? calendar.addWorkingDays(from, days) : null;

  const save = (v: Values) =>
    run(async () => {
      setProblems([]);
      try {
        replace(await api.applicationExtend({ id: application.id, days: v.days ?? 0, reason: v.reason.trim() }));
        onClose();
        return 'closed';
      } catch (e) {
        setProblems(showFieldErrors(form, errorData(e), ['days', 'reason']));
      }
    });

  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ days: 5, reason: '' }} onFinish={save} onKeyDown={submitOnCtrlEnter(() => form.submit())}>
      {from && (
        <Typography.Paragraph>
          {t('appUi.extend.current', { date: formatChineseDate(from) })}
          {newDue && <Typography.Text strong>{t('appUi.extend.newDue', { date: formatChineseDate(newDue) })}</Typography.Text>}
        </Typography.Paragraph>
      )}
      <Form.Item name="days" label={t('appUi.extend.days')} rules={[{ required: true, message: t('appUi.extend.daysRequired') }]}>
        <InputNumber ref={first} min={1} max={LIMITS.extensionDays} aria-label={t('appUi.extend.days')} addonAfter={t('appUi.extend.daysUnit')} />
      </Form.Item>
      <Form.Item name="reason" label={t('appUi.extend.reason')} rules={[{ required: true, whitespace: true, message: t('appUi.extend.reasonRequired') }]}>
        <Input.TextArea maxLength={LIMITS.reason} autoSize={{ minRows: 2, maxRows: 4 }} aria-label={t('appUi.extend.reason')} />
      </Form.Item>
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} style={{ marginBottom: 8 }} />}
      <FormButtons busy={busy} onCancel={onClose} submitLabel={t('appUi.extend.submit')} />
    </Form>
  );
}
