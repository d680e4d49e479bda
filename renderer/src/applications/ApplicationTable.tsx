import { Typography, type TableColumnsType } from 'antd';
import type { ApplicationSummary } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { chineseDateTime } from '../common/format';
import { RecordTable } from '../common/RecordTable';
import { ApplicationStateTag } from './StateTag';

const { Text } = Typography;

const columns: TableColumnsType<ApplicationSummary> = [
  {
    title: t('appUi.col.caseNo'),
    dataIndex: 'caseNo',
    width: 196,
    render: (v: string, a) => (
      <div style={{ lineHeight: 1.3 }}>
        <div style={{ fontFamily: 'monospace' }}>{v}</div>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {t('appUi.queryCodeShort', { code: a.queryCode })}
        </Text>
      </div>
    ),
  },
  {
    title: t('appUi.col.enterprise'),
    key: 'enterprise',
    ellipsis: true,
    render: (_: unknown, a) => (
      <div style={{ lineHeight: 1.3, overflow: 'hidden' }}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{a.enterpriseName}</div>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {a.uscc}
        </Text>
      </div>
    ),
  },
  {
    title: t('appUi.col.item'),
    key: 'item',
    ellipsis: true,
    render: (_: unknown, a) => (
      <div style={{ lineHeight: 1.3, overflow: 'hidden' }}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{a.itemName}</div>
        <Text type="secondary" style={{ fontSize: 12 }}>
          {a.department}
        </Text>
      </div>
    ),
  },
  { title: t('appUi.col.state'), dataIndex: 'state', width: 88, render: (s: ApplicationSummary['state']) => <ApplicationStateTag state={s} /> },
  { title: t('appUi.col.received'), dataIndex: 'createdAt', width: 168, render: (v: string) => chineseDateTime(v) },
  { title: t('appUi.col.due'), dataIndex: 'dueDate', width: 124, render: (v: string | null) => (v ? formatChineseDate(v) : <Text type="secondary">—</Text>) },
  { title: t('appUi.col.clerk'), dataIndex: 'clerkName', width: 76, ellipsis: true },
];

/** The applications, today's and open ones first; Enter or a click opens one. */
export function ApplicationTable({ items, loading, onOpen }: { items: ApplicationSummary[]; loading: boolean; onOpen(a: ApplicationSummary): void }) {
  return <RecordTable<ApplicationSummary> items={items} columns={columns} loading={loading} empty={t('appUi.emptyList')} testId="application-table" onOpen={onOpen} />;
}
