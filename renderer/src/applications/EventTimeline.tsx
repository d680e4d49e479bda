import { Empty, Timeline, Typography } from 'antd';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { chineseDateTime } from '../common/format';

type EventKind = ApplicationDetail['events'][number]['kind'];

const COLOR: Partial<Record<EventKind, string>> = {
  created: 'blue',
  decided: 'green',
  supplement_received: 'blue',
  routed: 'purple',
  extended: 'orange',
  print_failed: 'red',
  delivered: 'green',
  // the back office's decisions that came back by sync
  review_approved: 'green',
  review_returned: 'orange',
  expert_reviewed: 'blue',
  publicized: 'purple',
  paid: 'green',
};

/** 办理记录: every step, who and when, oldest first (the history is append-only). */
export function EventTimeline({ events }: { events: ApplicationDetail['events'] }) {
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="application-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: COLOR[e.kind] ?? 'gray',
        content: (
          <div data-testid="timeline-event" data-kind={e.kind}>
            <div>{e.summary}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[chineseDateTime(e.at), e.staffName].join(t('common.separator'))}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
