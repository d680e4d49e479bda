import { Tag } from 'antd';
import type { Ticket } from '@shared/hotline/schemas';
import { t, type MessageKey } from '@shared/i18n';

const LOOK: Record<Ticket['dueState'], { color: string; label: MessageKey }> = {
  overdue: { color: 'red', label: 'ticket.overdue' },
  due_soon: { color: 'orange', label: 'ticket.dueSoon' },
  on_time: { color: 'green', label: 'ticket.onTime' },
  closed: { color: 'default', label: 'ticket.status.closed' },
};

/** 已超期 / 即将到期 / 正常 / 已办结 */
export function DueStateTag({ state }: { state: Ticket['dueState'] }) {
  return <Tag color={LOOK[state].color}>{t(LOOK[state].label)}</Tag>;
}
