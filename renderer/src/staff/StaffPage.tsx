import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Staff } from '@shared/accounts/schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { usePageCommands } from '../app/commands-store';
import { useStaff } from '../app/session-store';
import { chineseDateTime } from '../common/format';
import { useReportError } from '../common/useReportError';
import { usePrintSettingsDialog } from '../applications/PrintSettingsModal';
import { StaffFormModal, type StaffEdit } from './StaffFormModal';

/** 人员管理: every account on this workstation; create, change roles, reset password, enable/disable. */
export function StaffPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const report = useReportError();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [loading, setLoading] = useState(false);
  const [edit, setEdit] = useState<StaffEdit | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setStaff(await api.staffList({}));
    } catch (e) {
      report(e);
    } finally {
      setLoading(false);
    }
  }, [report]);

  useEffect(() => {
    void load();
  }, [load]);

  usePageCommands({ create: () => setEdit({ kind: 'create' }) });
  // the administrator does not see 申报受理, so 打印设置 (Alt+S) is reached from here
  const printSettings = usePrintSettingsDialog();

  const saved = (s: Staff, done: StaffEdit) => {
    setEdit(null);
    void message.success(done.kind === 'create' ? t('staff.created', { username: s.username }) : t('common.saved'));
    void load();
  };

  const setActive = async (s: Staff, active: boolean) => {
    try {
      await api.staffUpdate({ id: s.id, active });
      void message.success(active ? t('staff.enabledMsg', { name: s.displayName }) : t('staff.disabledMsg', { name: s.displayName }));
      void load();
    } catch (e) {
      report(e);
    }
  };

  const columns: TableColumnsType<Staff> = [
    { title: t('field.username'), dataIndex: 'username', width: 120 },
    { title: t('field.displayName'), dataIndex: 'displayName', width: 120 },
    {
      title: t('field.roles'),
      dataIndex: 'roles',
      render: (roles: Staff['roles']) => (
        <Flex gap={4} wrap>
          {roles.map((r) => (
            <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
              {t(`role.${r}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('staff.state'),
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => (a ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.disabled')}</Tag>),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 180, render: (v: string) => chineseDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 240,
      render: (_: unknown, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEdit({ kind: 'roles', staff: s })}>
            {t('staff.editRoles')}
          </Button>
          <Button type="link" size="small" onClick={() => setEdit({ kind: 'password', staff: s })}>
            {t('staff.resetPassword')}
          </Button>
          {s.active ? (
            <Popconfirm
              title={t('staff.disableConfirm', { name: s.displayName })}
              okText={t('staff.disable')}
              cancelText={t('common.cancel')}
              onConfirm={() => setActive(s, false)}
              disabled={s.id === me?.id}
            >
              <Button type="link" size="small" danger disabled={s.id === me?.id}>
                {t('staff.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => void setActive(s, true)}>
              {t('staff.enable')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('staff.title')}
      extra={
        <Flex gap={8}>
          {printSettings.button}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit({ kind: 'create' })}>
            {t('staff.newButton')}
          </Button>
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<Staff>
        size="small"
        rowKey="id"
        tableLayout="fixed"
        columns={columns}
        dataSource={staff}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        data-testid="staff-table"
      />
      <StaffFormModal edit={edit} onClose={() => setEdit(null)} onSaved={saved} />
      {printSettings.modal}
    </Card>
  );
}
