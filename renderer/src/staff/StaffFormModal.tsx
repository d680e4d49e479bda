import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import type { Role } from '@shared/accounts/roles';
import type { Staff } from '@shared/accounts/schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { errorData, showFieldErrors } from '../common/errors';
import { FormButtons } from '../common/FormButtons';
import { required } from '../common/rules';
import { useReportError } from '../common/useReportError';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { PasswordFields } from './PasswordFields';
import { ROLE_OPTIONS } from './role-options';
import { useOverlay } from '../app/commands-store';

/** What an administrator can do to one account from the list. */
export type StaffEdit = { kind: 'create' } | { kind: 'roles'; staff: Staff } | { kind: 'password'; staff: Staff };

interface Values {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  roles: Role[];
}
const FIELDS = ['username', 'displayName', 'password', 'roles'];

function title(edit: StaffEdit): string {
  switch (edit.kind) {
    case 'create': return t('staff.new');
    case 'roles': return t('staff.editTitle', { name: edit.staff.displayName });
    case 'password': return t('staff.resetPasswordTitle', { name: edit.staff.displayName });
  }
}

/** New account, change name and roles, or reset a password — one small form each. */
export function StaffFormModal({ edit, onClose, onSaved }: { edit: StaffEdit | null; onClose(): void; onSaved(s: Staff, edit: StaffEdit): void }) {
  useOverlay(!!edit);
  return (
    <Modal open={!!edit} title={edit ? title(edit) : ''} onCancel={onClose} footer={null} destroyOnHidden width={520}>
      {edit && <StaffForm edit={edit} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function StaffForm({ edit, onClose, onSaved }: { edit: StaffEdit; onClose(): void; onSaved(s: Staff, edit: StaffEdit): void }) {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmitOnce();
  const [problems, setProblems] = useState<string[]>([]);
  const report = useReportError();

  const save = (v: Values) =>
    run(async () => {
      setProblems([]);
      try {
        const saved =
          edit.kind === 'create'
            ? await api.staffCreate({ username: v.username.trim(), displayName: v.displayName, password: v.password, roles: v.roles })
            : edit.kind === 'roles'
              ? await api.staffUpdate({ id: edit.staff.id, displayName: v.displayName, roles: v.roles })
              : await api.staffUpdate({ id: edit.staff.id, password: v.password });
        onSaved(saved, edit);
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        if (data.code === 'UNAUTHENTICATED') report(e);
        else setProblems(showFieldErrors(form, data, FIELDS));
      }
    });

  const initial = edit.kind === 'roles' ? { displayName: edit.staff.displayName, roles: edit.staff.roles } : { roles: [] };
  return (
    <Form form={form} layout="vertical" onFinish={save} initialValues={initial} autoComplete="off">
      {edit.kind === 'create' && (
        <Form.Item name="username" label={t('field.username')} rules={[required('field.username')]} extra={t('staff.usernameHint')}>
          <Input autoFocus maxLength={32} />
        </Form.Item>
      )}
      {edit.kind !== 'password' && (
        <Form.Item name="displayName" label={t('field.displayName')} rules={[required('field.displayName')]}>
          <Input autoFocus={edit.kind === 'roles'} maxLength={30} />
        </Form.Item>
      )}
      {edit.kind !== 'roles' && <PasswordFields autoFocus={edit.kind === 'password'} />}
      {edit.kind !== 'password' && (
        <Form.Item
          name="roles"
          label={t('field.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('error.FIELD_REQUIRED', { field: t('field.roles') }) }]}
        >
          <Checkbox.Group options={ROLE_OPTIONS} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 6 }} />
        </Form.Item>
      )}
      {problems.length > 0 && <Alert type="error" showIcon title={problems.join(' ')} role="alert" />}
      <FormButtons busy={busy} onCancel={onClose} />
    </Form>
  );
}
