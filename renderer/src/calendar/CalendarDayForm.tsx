import { useState } from 'react';
import { Alert, Button, Form, Input, Radio } from 'antd';
import type { CalendarDay } from '@shared/calendar/working-days';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useCalendarStore } from '../common/calendar-store';
import { errorData, showFieldErrors } from '../common/errors';
import { required } from '../common/rules';
import { useReportError } from '../common/useReportError';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { DateField } from '../common/DateField';

const KIND_OPTIONS = (['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }));

/** Add (or change) one day: a holiday on a weekday, or a weekend worked in exchange (调休上班). */
export function CalendarDayForm({ onAdded }: { onAdded(day: CalendarDay): void }) {
  const [form] = Form.useForm<CalendarDay>();
  const { busy, run } = useSubmitOnce();
  const [problems, setProblems] = useState<string[]>([]);
  const report = useReportError();

  const save = (v: CalendarDay) =>
    run(async () => {
      setProblems([]);
      try {
        useCalendarStore.getState().replace(await api.calendarSet(v));
        form.resetFields();
        onAdded(v);
      } catch (e) {
        const data = errorData(e);
        if (data.code === 'UNAUTHENTICATED') report(e);
        else setProblems(showFieldErrors(form, data, ['date', 'kind', 'name']));
      }
    });

  return (
    <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'holiday' }} autoComplete="off">
      <Form.Item name="date" label={t('field.date')} rules={[required('field.date')]}>
        <DateField />
      </Form.Item>
      <Form.Item name="kind" label={t('field.kind')}>
        <Radio.Group options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="name" label={t('field.name')} rules={[required('field.name')]}>
        <Input maxLength={20} placeholder={t('calendar.namePlaceholder')} />
      </Form.Item>
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join(' ')} style={{ marginBottom: 12 }} role="alert" />}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('calendar.add')}
      </Button>
    </Form>
  );
}
