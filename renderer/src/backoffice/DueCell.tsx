import { Tag, Typography } from 'antd';
import type { BackOfficeCaseSummary } from '@shared/backoffice/api-schemas';
import { dueStateOf } from '@shared/backoffice/due';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';

/** 办结期限 with 超期 (red) / 即将到期 (orange), as the counter's lists colour them. */
export function DueCell({ c }: { c: BackOfficeCaseSummary }) {
  if (!c.dueDate) return <Typography.Text type="secondary">—</Typography.Text>;
  const due = dueStateOf(c);
  return (
    <div style={{ lineHeight: 1.3 }} data-testid="bo-due" data-due={due}>
      <div>{formatChineseDate(c.dueDate)}</div>
      {due === 'overdue' && <Tag color="red">{t('boUi.due.overdue', { n: -(c.daysLeft ?? 0) })}</Tag>}
      {due === 'soon' && <Tag color="orange">{c.daysLeft === 0 ? t('boUi.due.today') : t('boUi.due.soon', { n: c.daysLeft ?? 0 })}</Tag>}
      {due === 'normal' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('boUi.due.left', { n: c.daysLeft ?? 0 })}
        </Typography.Text>
      )}
    </div>
  );
}
