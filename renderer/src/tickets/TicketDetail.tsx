import { Button, Card, Descriptions, Empty, Timeline, Typography } from 'antd';
import type { Ticket } from '@shared/hotline/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { chineseDateTime } from '../common/format';
import { DueStateTag } from './DueStateTag';

const EVENT_COLOR: Record<Ticket['events'][number]['kind'], string> = { created: 'blue', return_call: 'orange', closed: 'green' };

function eventText(e: Ticket['events'][number]): string {
  const parts = [t(`ticket.event.${e.kind}`), e.staff.displayName];
  if (e.outcome) parts.push(t(`ticket.outcome.${e.outcome}`));
  if (e.note) parts.push(e.note);
  return parts.join(t('common.separator'));
}

/** The selected ticket: what was asked, by when, and what has happened to it. */
export function TicketDetail({ ticket, mayReturnCall, onReturnCall }: { ticket: Ticket | null; mayReturnCall: boolean; onReturnCall(t: Ticket): void }) {
  if (!ticket) {
    return (
      <Card size="small" title={t('ticket.detail')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.selectHint')} />
      </Card>
    );
  }
  return (
    <Card
      size="small"
      title={ticket.ticketNo}
      extra={
        mayReturnCall &&
        ticket.status === 'open' && (
          <Button type="primary" onClick={() => onReturnCall(ticket)}>
            {t('ticket.returnCall')}
          </Button>
        )
      }
      data-testid="ticket-detail"
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 76 } }}
        items={[
          { key: 'state', label: t('ticket.status'), children: <DueStateTag state={ticket.dueState} /> },
          { key: 'due', label: t('ticket.due'), children: formatChineseDate(ticket.dueDate) },
          { key: 'phone', label: t('ticket.phone'), children: ticket.phone },
          { key: 'enterprise', label: t('consult.col.enterprise'), children: ticket.enterpriseName || t('consult.anonymous') },
          { key: 'question', label: t('consult.col.question'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{ticket.question}</Typography.Text> },
          ...(ticket.complexity ? [{ key: 'complexity', label: t('field.complexity'), children: t(`complexity.${ticket.complexity}`) }] : []),
          { key: 'owner', label: t('ticket.owner'), children: ticket.owner.displayName },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('ticket.events')}
      </Typography.Title>
      <Timeline
        items={ticket.events.map((e) => ({
          key: e.id,
          color: EVENT_COLOR[e.kind],
          content: (
            <>
              <div>{eventText(e)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {chineseDateTime(e.at)}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </Card>
  );
}
