import { useState } from 'react';
import { Flex, InputNumber, Typography } from 'antd';
import { t } from '@shared/i18n';
import { formatChineseDate, isIsoDate } from '@shared/time/china-time';
import { useToday } from '../app/status-store';
import { useCalendarStore } from '../common/calendar-store';
import { DateField } from '../common/DateField';

/** 试算: the n-th working day after a date, with the calendar as it stands. */
export function WorkingDayPreview() {
  const today = useToday();
  const calendar = useCalendarStore((s) => s.calendar);
  const [from, setFrom] = useState(today);
  const [n, setN] = useState<number | null>(3);
  const ok = isIsoDate(from) && n !== null;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <DateField value={from} onChange={setFrom} aria-label={t('calendar.previewFrom')} style={{ width: 170 }} />
        <InputNumber min={0} max={60} precision={0} value={n} onChange={setN} aria-label={t('calendar.previewDays')} style={{ width: 90 }} />
        <Typography.Text>{t('calendar.previewUnit')}</Typography.Text>
      </Flex>
      {ok && (
        <Typography.Text strong data-testid="calendar-preview">
          {t('calendar.preview', { from: formatChineseDate(from), n, date: formatChineseDate(calendar.addWorkingDays(from, n)) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
