import { Button, Flex, Layout, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, QuestionCircleOutlined, UserOutlined } from '@ant-design/icons';
import type { StaffSummary } from '@shared/accounts/schemas';
import { t } from '@shared/i18n';
import { chineseDateWithWeekday } from '../common/format';
import { useCommandsStore } from './commands-store';
import { useSessionStore } from './session-store';
import { useStatusStore, useToday } from './status-store';

/** Centre, today's date, who is signed in, help and sign-out. */
export function AppHeader({ staff }: { staff: StaffSummary }) {
  const centreName = useStatusStore((s) => s.status?.centreName ?? '');
  const today = useToday();
  const openShortcuts = () => useCommandsStore.getState().setShortcutsOpen(true);

  return (
    <Layout.Header style={{ borderBottom: '1px solid #f0f0f0', lineHeight: 'normal' }}>
      <Flex align="center" justify="space-between" style={{ height: '100%' }} gap={16}>
        <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
          {centreName}
        </Typography.Text>
        <Space size={16} align="center">
          {today && <Typography.Text data-testid="today">{chineseDateWithWeekday(today)}</Typography.Text>}
          <Space size={4} align="center">
            <UserOutlined />
            <Typography.Text strong data-testid="staff-name">{staff.displayName}</Typography.Text>
            {staff.roles.map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
                {t(`role.${r}`)}
              </Tag>
            ))}
          </Space>
          <Button icon={<QuestionCircleOutlined />} onClick={openShortcuts}>
            {t('nav.shortcuts')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={() => void useSessionStore.getState().signOut()}>
            {t('nav.signOut')}
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  );
}
