import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Progress, Spin, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { RejectedMutation } from '@shared/sync/api-schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { can } from '../app/pages';
import { useSessionStore } from '../app/session-store';
import { chineseDateTime } from '../common/format';
import { useReportError } from '../common/useReportError';
import { DayClosePanel } from './DayClosePanel';
import { EnrolForm } from './EnrolForm';
import { RejectedList } from './RejectedList';
import { STATE_COLOUR, uploadText } from './SyncStatusBar';
import { useSyncStatusStore } from './sync-status-store';

/** 同步与日结: the sync status in full, 立即同步, what the centre refused, enrolment (administrators), 日结. */
export function SyncPage() {
  const status = useSyncStatusStore((s) => s.status);
  const roles = useSessionStore((s) => s.session?.staff.roles ?? []);
  const { message } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const [rejected, setRejected] = useState<RejectedMutation[] | null>(null);
  const syncButton = useRef<HTMLButtonElement>(null);

  const loadRejected = useCallback(() => api.syncRejected({}).then(setRejected, report), [report]);
  useEffect(() => {
    void useSyncStatusStore.getState().refresh();
    void loadRejected();
    syncButton.current?.focus();
  }, [loadRejected]);

  const syncNow = async () => {
    setBusy(true);
    try {
      const s = await api.syncNow({});
      useSyncStatusStore.getState().set(s);
      if (s.lastError) void message.warning(s.lastError.message);
      else void message.success(t('sync.ui.syncNowDone', { n: s.waiting }));
      await loadRejected();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Card
        title={t('sync.ui.statusTitle')}
        extra={
          <Button ref={syncButton} type="primary" icon={<SyncOutlined />} loading={busy} disabled={status?.state === 'not_enrolled'} onClick={() => void syncNow()} data-testid="sync-now">
            {t('sync.ui.syncNow')}
          </Button>
        }
      >
        {!status ? (
          <Spin />
        ) : (
          <Descriptions
            column={2}
            size="small"
            data-testid="sync-status"
            items={[
              {
                key: 'state',
                label: t('sync.ui.state'),
                children: (
                  <Flex gap={8} align="center">
                    <Tag color={STATE_COLOUR[status.state]}>{t(`sync.state.${status.state}`)}</Tag>
                    {status.syncing && <Spin size="small" />}
                  </Flex>
                ),
              },
              { key: 'centre', label: t('sync.ui.centre'), children: status.centreName || '—' },
              { key: 'waiting', label: t('sync.ui.waitingLabel'), children: <span data-testid="sync-page-waiting">{status.waiting}</span> },
              { key: 'url', label: t('sync.ui.centreUrl'), children: status.centreUrl ?? '—' },
              { key: 'rejected', label: t('sync.ui.rejectedLabel'), children: status.rejected },
              { key: 'success', label: t('sync.ui.lastSuccessLabel'), children: status.lastSuccessAt ? chineseDateTime(status.lastSuccessAt) : t('sync.ui.never') },
              {
                key: 'error',
                label: t('sync.ui.lastError'),
                span: 2,
                children: status.lastError ? <Typography.Text type="danger">{status.lastError.message}</Typography.Text> : t('sync.ui.noError'),
              },
              ...(status.upload
                ? [{ key: 'upload', label: t('sync.ui.syncing'), span: 2, children: (
                    <Flex gap={8} align="center">
                      <span>{uploadText(status.upload)}</span>
                      <Progress percent={status.upload.total ? Math.floor((status.upload.sent / status.upload.total) * 100) : 0} size="small" style={{ width: 200, margin: 0 }} />
                    </Flex>
                  ) }]
                : []),
            ]}
          />
        )}
      </Card>
      {status && status.state !== 'not_enrolled' && <DayClosePanel onDone={() => void loadRejected()} />}
      <RejectedList rows={rejected} />
      {can(roles, 'admin') && <EnrolForm enrolled={status?.state !== 'not_enrolled'} />}
    </Flex>
  );
}
