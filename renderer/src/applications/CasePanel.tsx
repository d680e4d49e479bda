import { Alert, Card, Descriptions, Flex, Typography } from 'antd';
import { StageTag } from '../backoffice/StageTag';
import { DecisionsTimeline } from '../backoffice/Timelines';
import { t } from '@shared/i18n';
import { chineseDateTime } from '../common/format';
import { DeadlineClock } from './DeadlineClock';
import { useWorkspace } from './workspace-context';

/**
 * 办理进度 after the decision: the decision and its reason, the deadline clock (with 延期), where the
 * papers went (流转), the department's decisions that came back by sync, and how the result was delivered.
 */
export function CasePanel({ onExtend }: { onExtend: (() => void) | null }) {
  const { application: a } = useWorkspace();
  const handed = a.materials.filter((m) => m.handedOverTo);
  return (
    <Flex vertical gap={12} data-testid="case-panel">
      {/* the department's news first: it is what the counter waits for */}
      {a.backOffice && (
        <Card
          size="small"
          title={t('appUi.case.backOffice', { department: a.department })}
          extra={<StageTag stage={a.backOffice.stage} />}
          data-testid="back-office-result"
        >
          {a.backOffice.resultReady && !a.delivery && <Alert type="success" showIcon style={{ marginBottom: 8 }} title={t('appUi.case.backOfficeReady')} />}
          {a.backOffice.stage === 'returned' && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('appUi.case.backOfficeReturned')} />}
          <DecisionsTimeline decisions={a.backOffice.decisions} />
        </Card>
      )}
      {a.decision && (
        <Card size="small" title={t('appUi.case.decision')}>
          <Typography.Text strong>{t(`appUi.decide.${a.decision}`)}</Typography.Text>
          {a.reason && (
            <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
              {a.decision === 'refuse' ? t('appUi.case.reason', { reason: a.reason }) : t('appUi.case.note', { note: a.reason })}
            </Typography.Paragraph>
          )}
          {a.state === 'correction' && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('appUi.case.waitingSupplement')} />}
        </Card>
      )}
      {(a.state === 'accepted' || a.state === 'routed' || a.state === 'delivered') && <DeadlineClock application={a} onExtend={onExtend} />}
      {(a.state === 'routed' || a.state === 'delivered') && (
        <Card size="small" title={t('appUi.case.routed', { department: a.department })}>
          <Typography.Text type="secondary">
            {handed.length ? t('appUi.case.handed', { n: handed.length, names: handed.map((m) => m.name).join(t('common.listSeparator')) }) : t('appUi.case.nothingHanded')}
          </Typography.Text>
        </Card>
      )}
      {a.delivery && (
        <Card size="small" title={t('appUi.case.delivery')} data-testid="delivery">
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'method', label: t('appUi.deliver.method'), children: t(`application.delivery.${a.delivery.method}`) },
              { key: 'at', label: t('appUi.case.deliveredAt'), children: chineseDateTime(a.delivery.deliveredAt) },
              { key: 'recipient', label: t('appUi.deliver.recipient'), children: a.delivery.recipient },
              { key: 'by', label: t('appUi.col.clerk'), children: a.delivery.staffName },
              ...(a.delivery.address ? [{ key: 'address', label: t('appUi.case.address'), children: a.delivery.address, span: 2 }] : []),
              { key: 'result', label: t('appUi.deliver.result'), children: a.delivery.result, span: 2 },
              ...(a.delivery.note ? [{ key: 'note', label: t('appUi.deliver.note'), children: a.delivery.note, span: 2 }] : []),
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
