import { useEffect } from 'react';
import { Flex, Progress, Spin, Tag, Typography } from 'antd';
import { CloudOutlined, CloudServerOutlined } from '@ant-design/icons';
import type { SyncStatus } from '@shared/sync/api-schemas';
import { t } from '@shared/i18n';
import { useCommandsStore } from '../app/commands-store';
import { useNavStore } from '../app/nav-store';
import { useToday } from '../app/status-store';
import { chinaTime, chineseDateTime } from '../common/format';
import { formatChinaDateTime } from '@shared/time/china-time';
import { SYNC_POLL_MS, bytes, useSyncStatusStore } from './sync-status-store';

export const STATE_COLOUR: Record<SyncStatus['state'], string> = { online: 'green', offline: 'orange', not_enrolled: 'default', stopped: 'red' };

/** 上次成功 14:05 today, else with the date. */
export function lastSuccessText(at: string | null, today: string): string {
  if (!at) return t('sync.ui.never');
  return t('sync.ui.lastSuccess', { time: formatChinaDateTime(at).startsWith(today) ? chinaTime(at) : chineseDateTime(at) });
}

/** 上传文件 2/5：1.2 MB / 3.4 MB */
export const uploadText = (u: NonNullable<SyncStatus['upload']>) => t('sync.ui.upload', { file: u.file, files: u.files, sent: bytes(u.sent), total: bytes(u.total) });

/**
 * The sync status on every page, for every role: 在线 / 离线 / 未注册 / 已停用, what waits, the last
 * success, the last failure in words, a spinner while syncing, the upload's progress. A click, Enter
 * on it or Alt+0 opens the sync page.
 */
export function SyncStatusBar() {
  const status = useSyncStatusStore((s) => s.status);
  const today = useToday();
  const open = () => useNavStore.getState().go('sync');

  useEffect(() => {
    const refresh = () => void useSyncStatusStore.getState().refresh();
    refresh();
    const timer = setInterval(refresh, SYNC_POLL_MS);
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.code !== 'Digit0') return;
      e.preventDefault();
      if (useCommandsStore.getState().overlays === 0) open();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  if (!status) return null;
  const u = status.upload;
  return (
    <Flex
      role="button"
      tabIndex={0}
      aria-label={t('sync.ui.openHint')}
      title={t('sync.ui.openHint')}
      data-testid="sync-bar"
      onClick={open}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
      align="center"
      gap={12}
      style={{ padding: '3px 16px', borderTop: '1px solid #f0f0f0', background: '#fafafa', cursor: 'pointer', fontSize: 13, minHeight: 30 }}
    >
      {status.syncing ? <Spin size="small" data-testid="sync-spinner" /> : status.state === 'online' ? <CloudServerOutlined /> : <CloudOutlined />}
      <Tag color={STATE_COLOUR[status.state]} data-testid="sync-state" style={{ marginInlineEnd: 0 }}>
        {t(`sync.state.${status.state}`)}
      </Tag>
      {status.syncing && <Typography.Text type="secondary">{t('sync.ui.syncing')}</Typography.Text>}
      <Typography.Text data-testid="sync-waiting">{t('sync.ui.waiting', { n: status.waiting })}</Typography.Text>
      {status.rejected > 0 && <Typography.Text type="danger">{t('sync.ui.rejectedCount', { n: status.rejected })}</Typography.Text>}
      <Typography.Text type="secondary" data-testid="sync-last-success">{lastSuccessText(status.lastSuccessAt, today)}</Typography.Text>
      {u && (
        <Flex align="center" gap={6} data-testid="sync-upload">
          <Typography.Text type="secondary">{uploadText(u)}</Typography.Text>
          <Progress percent={u.total > 0 ? Math.floor((u.sent / u.total) * 100) : 0} size="small" style={{ width: 100, margin: 0 }} />
        </Flex>
      )}
      {status.lastError && (
        <Typography.Text type="danger" ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="sync-error">
          {status.lastError.message}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ marginLeft: 'auto', whiteSpace: 'nowrap' }}>
        Alt+0
      </Typography.Text>
    </Flex>
  );
}
