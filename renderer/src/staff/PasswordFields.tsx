import { Form, Input } from 'antd';
import { t } from '@shared/i18n';
import { required } from '../common/rules';

/** New password twice, with the strength hint; the core says what is missing if it is weak. */
export function PasswordFields({ autoFocus }: { autoFocus?: boolean }) {
  return (
    <>
      <Form.Item name="password" label={t('field.password')} extra={t('password.hint')} rules={[required('field.password')]}>
        <Input.Password autoFocus={autoFocus} autoComplete="new-password" />
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
    </>
  );
}
