import { Card, Table, Typography } from 'antd';
import type { RejectedMutation } from '@shared/sync/api-schemas';
import { t } from '@shared/i18n';
import { chineseDateTime } from '../common/format';

/** What the centre refused for good: what, when, who, why — and what to do (in the message). */
export function RejectedList({ rows }: { rows: RejectedMutation[] | null }) {
  return (
    <Card title={t('sync.ui.rejectedTitle', { n: rows?.length ?? 0 })} size="small">
      {rows && rows.length === 0 ? (
        <Typography.Text type="secondary">{t('sync.ui.rejectedNone')}</Typography.Text>
      ) : (
        <Table<RejectedMutation>
          size="small"
          rowKey="id"
          loading={!rows}
          dataSource={rows ?? []}
          pagination={false}
          data-testid="sync-rejected"
          columns={[
            { title: t('sync.ui.col.what'), dataIndex: 'entityLabel', width: 120 },
            { title: t('sync.ui.col.when'), dataIndex: 'createdAt', width: 170, render: (at: string) => chineseDateTime(at) },
            { title: t('sync.ui.col.who'), dataIndex: 'staffName', width: 100, render: (n: string | null) => n ?? '—' },
            { title: t('sync.ui.col.why'), dataIndex: 'message' },
          ]}
        />
      )}
    </Card>
  );
}
