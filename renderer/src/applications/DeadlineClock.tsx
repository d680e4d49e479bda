import { Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { FieldTimeOutlined } from '@ant-design/icons';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { chineseDateTime } from '../common/format';

type Deadline = ApplicationDetail['deadline'];

/** 剩余 3 个工作日 / 今天到期 / 已超期 2 个工作日 (red) / 计时未开始 */
export function DaysLeft({ deadline, state }: { deadline: Deadline; state: ApplicationDetail['state'] }) {
  if (state === 'delivered') return <Typography.Text type="success">{t('appUi.clock.finished')}</Typography.Text>;
  if (deadline.daysLeft === null) return <Typography.Text type="secondary">{t('appUi.clock.notRunning')}</Typography.Text>;
  if (deadline.daysLeft < 0) {
    return (
      <Typography.Text type="danger" strong data-testid="days-left">
        {t('appUi.clock.overdue', { n: -deadline.daysLeft })}
      </Typography.Text>
    );
  }
  if (deadline.daysLeft === 0) {
    return (
      <Typography.Text type="warning" strong data-testid="days-left">
        {t('appUi.clock.dueToday')}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text strong style={{ color: deadline.daysLeft <= 2 ? '#d46b08' : undefined }} data-testid="days-left">
      {t('appUi.clock.left', { n: deadline.daysLeft })}
    </Typography.Text>
  );
}

/** 办理时限: promised working days, from when, due when, how many left; extensions with reasons; 延期. */
export function DeadlineClock({ application, onExtend }: { application: ApplicationDetail; onExtend: (() => void) | null }) {
  const d = application.deadline;
  return (
    <Card
      size="small"
      title={
        <span>
          <FieldTimeOutlined /> {t('appUi.clock.title')}
        </span>
      }
      extra={
        onExtend && (
          <Button size="small" onClick={onExtend} data-testid="extend">
            {t('appUi.clock.extend')}
          </Button>
        )
      }
      data-testid="deadline-clock"
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'promised', label: t('appUi.clock.promised'), children: t('appUi.clock.workingDays', { n: d.promisedDays }) },
          { key: 'left', label: t('appUi.clock.daysLeft'), children: <DaysLeft deadline={d} state={application.state} /> },
          { key: 'start', label: t('appUi.clock.startedOn'), children: d.startedOn ? formatChineseDate(d.startedOn) : '—' },
          {
            key: 'due',
            label: t('appUi.clock.dueDate'),
            children: d.dueDate ? (
              <Typography.Text strong type={d.daysLeft !== null && d.daysLeft < 0 ? 'danger' : undefined} data-testid="due-date">
                {formatChineseDate(d.dueDate)}
              </Typography.Text>
            ) : (
              '—'
            ),
          },
        ]}
      />
      {d.extensions.length > 0 && (
        <>
          <Flex style={{ margin: '4px 0' }}>
            <Typography.Text type="secondary">{t('appUi.clock.extensions', { n: d.extensions.length })}</Typography.Text>
          </Flex>
          <Table
            size="small"
            pagination={false}
            rowKey={(x) => x.at}
            dataSource={d.extensions}
            data-testid="extensions"
            columns={[
              { title: t('appUi.clock.extDays'), dataIndex: 'days', width: 100, render: (n: number) => t('appUi.clock.workingDays', { n }) },
              { title: t('appUi.clock.extReason'), dataIndex: 'reason', ellipsis: true },
              { title: t('appUi.clock.extAt'), dataIndex: 'at', width: 172, render: (v: string) => chineseDateTime(v) },
              { title: t('appUi.col.clerk'), dataIndex: 'staffName', width: 80 },
            ]}
          />
        </>
      )}
    </Card>
  );
}
