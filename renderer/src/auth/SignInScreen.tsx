import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { t } from '@shared/i18n';
import { useSessionStore } from '../app/session-store';
import { useStatusStore } from '../app/status-store';
import { errorData, showFieldErrors } from '../common/errors';
import { required } from '../common/rules';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { AuthLayout } from './AuthLayout';

interface Values {
  username: string;
  password: string;
}

export function SignInScreen() {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmitOnce();
  const [error, setError] = useState<string | null>(null);
  const centreName = useStatusStore((s) => s.status?.centreName);

  const submit = (values: Values) =>
    run(async () => {
      setError(null);
      try {
        await useSessionStore.getState().signIn({ username: values.username.trim(), password: values.password });
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        const rest = data.code === 'VALIDATION' ? showFieldErrors(form, data, ['username', 'password']) : [data.message];
        setError(rest.length ? rest.join(' ') : null);
        form.setFieldValue('password', '');
      }
    });

  return (
    <AuthLayout title={t('signIn.title')} subtitle={centreName}>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} autoComplete="off">
        <Form.Item name="username" label={t('field.username')} rules={[required('field.username')]}>
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} rules={[required('field.password')]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
