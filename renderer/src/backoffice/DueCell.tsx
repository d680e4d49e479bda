import { Tag, Typography } from 'antd';
import type { BackOfficeCaseSummary } from '@shared/backoffice/api-schemas';
import { FINAL_STAGES } from '@shared/backoffice/api-schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';

/** Working days left at which a case counts as 即将到期. */
const SOON = 2;

type Due = 'overdue' | 'soon' | 'normal' | 'none';

export function dueOf(c: Pick<BackOfficeCaseSummary, 'daysLeft' | 'stage'>): Due {
  if (c.daysLeft === null || (FINAL_STAGES as readonly string[]).includes(c.stage) || c.stage === 'returned') return 'none';
  return c.daysLeft < 0 ? 'overdue' : c.daysLeft <= SOON ? 'soon' : 'normal';
}

/** 办结期限 with 超期 (red) / 即将到期 (orange), as the counter's lists colour them. */
export function DueCell({ c }: { c: BackOfficeCaseSummary }) {
  if (!c.dueDate) return <Typography.Text type="secondary">—</Typography.Text>;
  const due = dueOf(c);
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
