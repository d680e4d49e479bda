import { Tag, Typography, type TableColumnsType } from 'antd';
import type { BackOfficeCaseSummary } from '@shared/backoffice/api-schemas';
import { t } from '@shared/i18n';
import { chineseDateTime } from '../common/format';
import { RecordTable } from '../common/RecordTable';
import { dueStateOf } from '@shared/backoffice/due';
import { DueCell } from './DueCell';
import { StageTag } from './StageTag';

const { Text } = Typography;

const twoLines = (top: string, below: string, mono = false) => (
  <div style={{ lineHeight: 1.3, overflow: 'hidden' }}>
    <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', fontFamily: mono ? 'monospace' : undefined }}>{top}</div>
    <Text type="secondary" style={{ fontSize: 12 }}>
      {below}
    </Text>
  </div>
);

const columns: TableColumnsType<BackOfficeCaseSummary> = [
  { title: t('appUi.col.caseNo'), dataIndex: 'caseNo', width: 190, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
  { title: t('appUi.col.enterprise'), key: 'enterprise', ellipsis: true, render: (_: unknown, c) => twoLines(c.enterpriseName, c.uscc) },
  { title: t('appUi.col.item'), key: 'item', ellipsis: true, render: (_: unknown, c) => twoLines(c.itemName, c.department) },
  { title: t('boUi.col.stage'), dataIndex: 'stage', width: 112, render: (_: unknown, c) => <StageTag stage={c.stage} /> },
  { title: t('boUi.col.routedAt'), dataIndex: 'routedAt', width: 160, render: (v: string) => chineseDateTime(v) },
  { title: t('appUi.col.due'), key: 'due', width: 184, render: (_: unknown, c) => <DueCell c={c} /> },
  {
    title: t('boUi.col.materials'),
    dataIndex: 'materialsReady',
    width: 96,
    render: (ready: boolean) => (ready ? <Tag color="success">{t('boUi.materials.ready')}</Tag> : <Tag color="warning">{t('boUi.materials.notYet')}</Tag>),
  },
];

/** The inbox: Tab or ↑/↓ to move, Enter or a click opens; overdue rows are marked red at the edge. */
export function InboxTable({ items, loading, onOpen }: { items: BackOfficeCaseSummary[]; loading: boolean; onOpen(c: BackOfficeCaseSummary): void }) {
  return (
    <RecordTable<BackOfficeCaseSummary>
      items={items}
      columns={columns}
      loading={loading}
      empty={t('boUi.empty')}
      testId="bo-inbox"
      onOpen={onOpen}
      onRow={(c, base) => ({ ...base, className: `bo-row-${dueStateOf(c)}`, 'data-case-no': c.caseNo } as typeof base)}
    />
  );
}
