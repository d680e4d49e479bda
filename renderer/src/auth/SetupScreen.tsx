import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { t } from '@shared/i18n';
import { useSessionStore } from '../app/session-store';
import { useStatusStore } from '../app/status-store';
import { errorData, showFieldErrors } from '../common/errors';
import { required } from '../common/rules';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { AuthLayout } from './AuthLayout';

interface Values {
  centreName: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}
const FIELDS = ['centreName', 'username', 'displayName', 'password'] as const;

/** First run: the workstation has no account yet; this creates the system administrator. */
export function SetupScreen() {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmitOnce();
  const [error, setError] = useState<string | null>(null);

  const submit = ({ confirm: _confirm, ...values }: Values) =>
    run(async () => {
      setError(null);
      try {
        await useSessionStore.getState().setupAdmin(values);
        await useStatusStore.getState().check();
        return 'closed';
      } catch (e) {
        const rest = showFieldErrors(form, errorData(e), FIELDS);
        setError(rest.length ? rest.join(' ') : null);
      }
    });

  return (
    <AuthLayout title={t('setup.title')} width={480}>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} autoComplete="off">
        <Form.Item name="centreName" label={t('setup.centreName')} rules={[required('field.centreName')]}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item name="username" label={t('field.username')} rules={[required('field.username')]}>
          <Input maxLength={32} autoComplete="username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('field.displayName')} rules={[required('field.displayName')]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} extra={t('password.hint')} rules={[required('field.password')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['password']}
          rules={[
            required('password.confirm'),
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
