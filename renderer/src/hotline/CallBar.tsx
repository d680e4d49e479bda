import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate, formatDuration } from '@shared/time/china-time';
import { chinaTime } from '../common/format';
import { CallTimer } from './CallTimer';
import type { ActiveCall } from './hotline-store';

interface Props {
  call: ActiveCall | null;
  lastEnded: Consultation | null;
  mayTakeCalls: boolean;
  starting: boolean;
  onStart(): void;
}

/** The top of the hotline desk: take a call, or the running call's clock; what the last call recorded. */
export function CallBar({ call, lastEnded, mayTakeCalls, starting, onStart }: Props) {
  return (
    <Card size="small">
      <Flex align="center" gap={16} wrap>
        {call ? (
          <>
            <Tag color="red" style={{ fontSize: 14, padding: '4px 10px' }}>
              {t('hotline.inCall')}
            </Tag>
            <Typography.Text style={{ fontSize: 28, fontWeight: 600 }}>
              <CallTimer since={call.localStart} />
            </Typography.Text>
            <Typography.Text type="secondary">{t('hotline.startedAt', { time: chinaTime(call.startedAt) })}</Typography.Text>
          </>
        ) : (
          <>
            <Button type="primary" size="large" icon={<PhoneOutlined />} onClick={onStart} loading={starting} disabled={!mayTakeCalls}>
              {t('hotline.newCall')}
            </Button>
            <Typography.Text type="secondary">{mayTakeCalls ? t('hotline.idle') : t('hotline.readOnly')}</Typography.Text>
          </>
        )}
        {!call && lastEnded && (
          <Alert
            type="success"
            showIcon
            style={{ flex: 1, minWidth: 320 }}
            role="status"
            title={t('hotline.saved', { duration: formatDuration(lastEnded.durationSeconds ?? 0) })}
            description={
              lastEnded.ticketNo && lastEnded.dueDate
                ? t('hotline.ticket', { ticketNo: lastEnded.ticketNo, date: formatChineseDate(lastEnded.dueDate) })
                : undefined
            }
          />
        )}
      </Flex>
    </Card>
  );
}
