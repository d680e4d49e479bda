import { Empty, Timeline, Typography } from 'antd';
import type { BackOfficeCaseDetail, BackOfficeDecisionView } from '@shared/backoffice/api-schemas';
import { t } from '@shared/i18n';
import { chineseDateTime } from '../common/format';

const COLOR: Record<BackOfficeDecisionView['decision'], string> = {
  review_approved: 'green',
  review_returned: 'orange',
  expert_reviewed: 'blue',
  publicized: 'purple',
  paid: 'green',
};

const whoWhen = (at: string, name: string) => (
  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
    {[chineseDateTime(at), name].join(t('common.separator'))}
  </Typography.Text>
);

/** The back office's decisions, oldest first: what (in words), the note, who and when. */
export function DecisionsTimeline({ decisions }: { decisions: BackOfficeDecisionView[] }) {
  if (!decisions.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('boUi.case.noDecisions')} />;
  return (
    <Timeline
      data-testid="bo-decision-timeline"
      items={decisions.map((d) => ({
        key: d.id,
        color: d.decision === 'expert_reviewed' && d.result === 'failed' ? 'red' : COLOR[d.decision],
        content: (
          <div data-testid="bo-decision" data-decision={d.decision}>
            <div>{d.summary}</div>
            {d.note && <div style={{ whiteSpace: 'pre-wrap' }}>{t('appUi.case.note', { note: d.note })}</div>}
            {whoWhen(d.at, d.staffName)}
          </div>
        ),
      }))}
    />
  );
}

/** The counter's steps before the case came here (受理, 流转 …). */
export function HistoryTimeline({ entries }: { entries: BackOfficeCaseDetail['counterHistory'] }) {
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="bo-counter-history"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: 'gray',
        content: (
          <div data-kind={e.kind}>
            <div>{e.summary}</div>
            {whoWhen(e.at, e.staffName)}
          </div>
        ),
      }))}
    />
  );
}
