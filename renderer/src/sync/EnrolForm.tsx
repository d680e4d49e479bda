import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import type { MethodInput } from '@shared/api/contract';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { errorData, showFieldErrors } from '../common/errors';
import { required } from '../common/rules';
import { useSyncStatusStore } from './sync-status-store';

type Values = MethodInput<'syncEnrol'>;
const FIELDS = ['centreUrl', 'code', 'deviceName'];

/** 登记到中心平台: the centre's address, the one-time code and this PC's name (administrators). */
export function EnrolForm({ enrolled }: { enrolled: boolean }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const { message } = App.useApp();

  const enrol = async (values: Values) => {
    setBusy(true);
    setProblems([]);
    try {
      const status = await api.syncEnrol(values);
      useSyncStatusStore.getState().set(status);
      form.resetFields(['code']);
      void message.success(t('sync.ui.enrolDone', { centre: status.centreName || status.centreUrl || '' }));
    } catch (e) {
      // CENTRE_UNREACHABLE / ENROL_REFUSED come in Chinese with what to do
      setProblems(showFieldErrors(form, errorData(e), FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('sync.ui.enrolTitle')} size="small">
      <Typography.Paragraph type="secondary">{t('sync.ui.enrolHint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void enrol(v)} autoComplete="off" data-testid="sync-enrol" style={{ rowGap: 8 }}>
        <Form.Item name="centreUrl" label={t('sync.ui.centreUrl')} rules={[required('sync.ui.centreUrl')]}>
          <Input placeholder="https://" style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="code" label={t('sync.ui.enrolCode')} rules={[required('sync.ui.enrolCode')]}>
          <Input placeholder="K7QM-3XPA-9HDR" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="deviceName" label={t('sync.ui.enrolName')} rules={[required('sync.ui.enrolName')]}>
          <Input placeholder={t('sync.ui.enrolNamePlaceholder')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item>
          <Button type={enrolled ? 'default' : 'primary'} htmlType="submit" loading={busy}>
            {t('sync.ui.enrolSubmit')}
          </Button>
        </Form.Item>
      </Form>
      {problems.length > 0 && <Alert style={{ marginTop: 12 }} type="error" showIcon title={problems.join(' ')} role="alert" />}
    </Card>
  );
}
