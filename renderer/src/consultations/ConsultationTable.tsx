import { Typography, type TableColumnsType } from 'antd';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { chinaTime } from '../common/format';
import { RecordTable } from '../common/RecordTable';
import { ResultTag } from './ResultTag';
import { TicketCell } from './TicketCell';

const { Text } = Typography;

const columns: TableColumnsType<Consultation> = [
  { title: t('consult.col.time'), dataIndex: 'createdAt', width: 64, render: (v: string) => chinaTime(v) },
  {
    title: t('consult.col.enterprise'),
    dataIndex: 'enterpriseName',
    width: 200,
    ellipsis: true,
    render: (v: string) => v || <Text type="secondary">{t('consult.anonymous')}</Text>,
  },
  {
    title: t('consult.col.contact'),
    key: 'contact',
    width: 120,
    ellipsis: true,
    render: (_: unknown, c) => (
      <div style={{ lineHeight: 1.3 }}>
        <div>{c.contactName}</div>
        {c.contactPhone && (
          <Text type="secondary" style={{ fontSize: 12 }}>
            {c.contactPhone}
          </Text>
        )}
      </div>
    ),
  },
  { title: t('consult.col.question'), dataIndex: 'question', ellipsis: true },
  { title: t('consult.col.result'), dataIndex: 'result', width: 84, render: (r: Consultation['result']) => <ResultTag result={r} /> },
  { title: t('consult.col.ticket'), key: 'ticket', width: 200, render: (_: unknown, c) => <TicketCell c={c} /> },
  { title: t('common.createdBy'), dataIndex: ['createdBy', 'displayName'], width: 84, ellipsis: true },
];

/** Today's consultations; Enter or a click on a row opens it. */
export function ConsultationTable({ items, loading, onOpen }: { items: Consultation[]; loading: boolean; onOpen(c: Consultation): void }) {
  return <RecordTable<Consultation> items={items} columns={columns} loading={loading} empty={t('common.empty')} testId="consultation-table" onOpen={onOpen} />;
}
