import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { CalendarDay } from '@shared/calendar/working-days';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useToday } from '../app/status-store';
import { useCalendarStore } from '../common/calendar-store';
import { chineseDateWithWeekday } from '../common/format';
import { useReportError } from '../common/useReportError';
import { CalendarDayForm } from './CalendarDayForm';
import { WorkingDayPreview } from './WorkingDayPreview';

/** 工作日历: the year's holidays and adjusted working days, which every due date is counted with. */
export function CalendarPage() {
  const today = useToday();
  const thisYear = Number(today.slice(0, 4));
  const { days, years, loaded, ensureLoaded, replace } = useCalendarStore();
  const [year, setYear] = useState(thisYear);
  const { message } = App.useApp();
  const report = useReportError();

  useEffect(() => {
    ensureLoaded().catch(report);
  }, [ensureLoaded, report]);

  const yearOptions = [...new Set([...years, thisYear, thisYear + 1])].sort().map((y) => ({ value: y, label: t('calendar.yearLabel', { year: String(y) }) }));
  const entries = days.filter((d) => d.date.startsWith(`${year}-`));

  const remove = async (d: CalendarDay) => {
    try {
      replace(await api.calendarRemove({ date: d.date }));
      void message.success(t('calendar.removed', { date: chineseDateWithWeekday(d.date) }));
    } catch (e) {
      report(e);
    }
  };

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('field.date'), dataIndex: 'date', width: 200, render: (d: string) => chineseDateWithWeekday(d) },
    {
      title: t('field.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: CalendarDay['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${k}`)}</Tag>,
    },
    { title: t('field.name'), dataIndex: 'name' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, d) => (
        <Popconfirm title={t('calendar.removeConfirm', { date: chineseDateWithWeekday(d.date) })} okText={t('calendar.remove')} cancelText={t('common.cancel')} onConfirm={() => remove(d)}>
          <Button type="link" size="small" danger>
            {t('calendar.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      {loaded && !years.includes(thisYear) && <Alert type="warning" showIcon title={t('calendar.missingYear', { year: String(thisYear) })} />}
      <Row gutter={12}>
        <Col span={15}>
          <Card
            title={t('calendar.title')}
            extra={
              <Select value={year} options={yearOptions} onChange={setYear} aria-label={t('calendar.year')} style={{ width: 120 }} />
            }
            styles={{ body: { padding: 0 } }}
          >
            <Typography.Paragraph type="secondary" style={{ margin: '12px 16px' }}>
              {t('calendar.intro')}
            </Typography.Paragraph>
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              tableLayout="fixed"
              columns={columns}
              dataSource={entries}
              pagination={false}
              loading={!loaded}
              locale={{ emptyText: t('calendar.noEntries', { year: String(year) }) }}
              data-testid="calendar-table"
            />
          </Card>
        </Col>
        <Col span={9}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('calendar.add')}>
              <CalendarDayForm onAdded={(d) => setYear(Number(d.date.slice(0, 4)))} />
            </Card>
            <Card size="small" title={t('calendar.previewTitle')}>
              <WorkingDayPreview />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
