import { Typography } from 'antd';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';

const { Text } = Typography;

/** 工单号 with its reply date under it, for the lists. */
export function TicketCell({ c }: { c: Pick<Consultation, 'ticketNo' | 'dueDate'> }) {
  if (!c.ticketNo) return null;
  return (
    <div style={{ lineHeight: 1.3 }}>
      <Text style={{ fontSize: 12 }}>{c.ticketNo}</Text>
      {c.dueDate && (
        <div>
          <Text type="secondary" style={{ fontSize: 12 }}>
            {t('consult.dueOn', { date: formatChineseDate(c.dueDate) })}
          </Text>
        </div>
      )}
    </div>
  );
}
