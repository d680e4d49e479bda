import { useEffect, useState } from 'react';
import { App, Card, Checkbox, Col, Row } from 'antd';
import type { Ticket } from '@shared/hotline/schemas';
import { t } from '@shared/i18n';
import { usePageCommands } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { useReportError } from '../common/useReportError';
import { ReturnCallModal } from './ReturnCallModal';
import { TicketDetail } from './TicketDetail';
import { TicketTable } from './TicketTable';
import { useSelectedTicket, useTicketStore } from './ticket-store';

/** 我的工单: open tickets with their due state; select one to see its history; 回访 with R or Enter. */
export function TicketsPage() {
  const staff = useStaff();
  const { message } = App.useApp();
  const report = useReportError();
  const { tickets, includeClosed, loading, selectedId, load, select, replace } = useTicketStore();
  const selected = useSelectedTicket();
  const [returnFor, setReturnFor] = useState<Ticket | null>(null);
  const mayReturnCall = !!staff && can(staff.roles, 'counter', 'hotline', 'business');

  useEffect(() => {
    load().catch(report);
  }, [load, report]);

  const startReturnCall = (ticket: Ticket) => {
    select(ticket.id);
    if (mayReturnCall && ticket.status === 'open') setReturnFor(ticket);
  };
  usePageCommands({ returnCall: () => selected && startReturnCall(selected) });

  const done = (ticket: Ticket) => {
    setReturnFor(null);
    replace(ticket);
    void message.success(ticket.status === 'closed' ? t('ticket.closedMsg') : t('ticket.returnCallSaved'));
    load().catch(report);
  };

  return (
    <Row gutter={12} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Card
          title={t('ticket.title')}
          extra={
            <Checkbox checked={includeClosed} onChange={(e) => load(e.target.checked).catch(report)}>
              {t('ticket.showClosed')}
            </Checkbox>
          }
          styles={{ body: { padding: 0 } }}
        >
          <TicketTable tickets={tickets} loading={loading} selectedId={selectedId} onSelect={(x) => select(x.id)} onReturnCall={startReturnCall} />
        </Card>
      </Col>
      <Col flex="320px">
        <TicketDetail ticket={selected} mayReturnCall={mayReturnCall} onReturnCall={startReturnCall} />
      </Col>
      <ReturnCallModal ticket={returnFor} onClose={() => setReturnFor(null)} onDone={done} />
    </Row>
  );
}
