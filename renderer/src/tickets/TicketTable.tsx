import { Typography, type TableColumnsType } from 'antd';
import type { Ticket } from '@shared/hotline/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { RecordTable } from '../common/RecordTable';
import { DueStateTag } from './DueStateTag';

const columns: TableColumnsType<Ticket> = [
  { title: t('ticket.no'), dataIndex: 'ticketNo', width: 190 },
  { title: t('ticket.phone'), dataIndex: 'phone', width: 118, ellipsis: true },
  {
    title: t('consult.col.enterprise'),
    dataIndex: 'enterpriseName',
    width: 150,
    ellipsis: true,
    render: (v: string) => v || <Typography.Text type="secondary">{t('consult.anonymous')}</Typography.Text>,
  },
  { title: t('consult.col.question'), dataIndex: 'question', ellipsis: true },
  { title: t('ticket.due'), dataIndex: 'dueDate', width: 126, render: (d: string) => formatChineseDate(d) },
  { title: t('ticket.status'), dataIndex: 'dueState', width: 92, render: (s: Ticket['dueState']) => <DueStateTag state={s} /> },
];

interface Props {
  tickets: Ticket[];
  loading: boolean;
  selectedId: string | null;
  onSelect(t: Ticket): void;
  onReturnCall(t: Ticket): void;
}

/** Open tickets, most urgent first. Click or focus selects; Enter on a row starts the return call. */
export function TicketTable({ tickets, loading, selectedId, onSelect, onReturnCall }: Props) {
  return (
    <RecordTable<Ticket>
      items={tickets}
      columns={columns}
      loading={loading}
      empty={t('ticket.none')}
      testId="ticket-table"
      onOpen={onReturnCall}
      select={onSelect}
      onRow={(row, p) => ({ ...p, 'aria-selected': row.id === selectedId, style: { ...p.style, background: row.id === selectedId ? '#e6f4ff' : undefined } })}
    />
  );
}
