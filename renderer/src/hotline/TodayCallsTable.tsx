import { Typography, type TableColumnsType } from 'antd';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { formatDuration } from '@shared/time/china-time';
import { chinaTime } from '../common/format';
import { RecordTable } from '../common/RecordTable';
import { ResultTag } from '../consultations/ResultTag';
import { TicketCell } from '../consultations/TicketCell';

const columns: TableColumnsType<Consultation> = [
  { title: t('consult.col.time'), dataIndex: 'createdAt', width: 64, render: (v: string) => chinaTime(v) },
  { title: t('field.callerNumber'), dataIndex: 'callerNumber', width: 130 },
  {
    title: t('consult.col.enterprise'),
    dataIndex: 'enterpriseName',
    width: 180,
    ellipsis: true,
    render: (v: string) => v || <Typography.Text type="secondary">{t('consult.anonymous')}</Typography.Text>,
  },
  { title: t('consult.col.question'), dataIndex: 'question', ellipsis: true },
  { title: t('consult.col.result'), dataIndex: 'result', width: 84, render: (r: Consultation['result']) => <ResultTag result={r} /> },
  { title: t('consult.col.ticket'), key: 'ticket', width: 200, render: (_: unknown, c) => <TicketCell c={c} /> },
  { title: t('hotline.duration'), dataIndex: 'durationSeconds', width: 90, render: (s: number | null) => (s === null ? '' : formatDuration(s)) },
  { title: t('common.createdBy'), dataIndex: ['createdBy', 'displayName'], width: 84, ellipsis: true },
];

export function TodayCallsTable({ items, loading, onOpen }: { items: Consultation[]; loading: boolean; onOpen(c: Consultation): void }) {
  return <RecordTable<Consultation> items={items} columns={columns} loading={loading} empty={t('common.empty')} testId="today-calls" onOpen={onOpen} />;
}
