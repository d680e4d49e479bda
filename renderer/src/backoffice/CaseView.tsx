import { useEffect, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { BACK_OFFICE_DECISIONS, type BackOfficeCaseDetail, type BackOfficeDecision, type BackOfficeMaterial } from '@shared/backoffice/api-schemas';
import type { MethodOutput } from '@shared/api/contract';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useCommandsStore } from '../app/commands-store';
import { chineseDateTime } from '../common/format';
import { isTyping } from '../common/keys';
import { useReportError } from '../common/useReportError';
import { DecisionModal } from './DecisionModal';
import { DECISION_KEY, decisionOfKey } from './decisions';
import { DecisionsTimeline, HistoryTimeline } from './Timelines';
import { MaterialPdfModal } from './MaterialPdfModal';
import { MaterialsCard } from './MaterialsCard';
import { StageTag } from './StageTag';
import { DueCell } from './DueCell';

type FileOutput = MethodOutput<'backOfficeMaterialPdf'>;

/**
 * One case at the back office: the company, item and contact, the counter's history, the materials
 * (查看 opens the PDF), the decisions so far, and the decisions the stage allows — each on a number
 * key (1 审核通过 … 5 兑现). Esc goes back to the inbox.
 */
export function CaseView({ detail, replace, onBack }: { detail: BackOfficeCaseDetail; replace(d: BackOfficeCaseDetail): void; onBack(): void }) {
  const report = useReportError();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<BackOfficeDecision | null>(null);
  const [pdf, setPdf] = useState<{ file: FileOutput; name: string } | null>(null);
  const allowed = new Set(detail.allowed);

  const view = async (m: BackOfficeMaterial) => {
    try {
      setPdf({ file: await api.backOfficeMaterialPdf({ caseId: detail.id, materialId: m.id }), name: m.name });
    } catch (e) {
      report(e);
    }
  };

  // 1…5: a decision the stage allows; Esc: back to the inbox (dialogs take their own keys first)
  const allowedKey = detail.allowed.join();
  useEffect(() => {
    let overlayWasOpen = false;
    const before = () => {
      overlayWasOpen = useCommandsStore.getState().overlays > 0;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || overlayWasOpen || isTyping(e.target) || e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        onBack();
        return;
      }
      const d = decisionOfKey(e.key);
      if (!d) return;
      e.preventDefault();
      if (allowedKey.split(',').includes(d)) setDeciding(d);
      else void message.info(t('boUi.decide.notNow', { decision: t(`backoffice.decision.${d}`) }));
    };
    window.addEventListener('keydown', before, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', before, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [onBack, allowedKey, message]);

  const decided = (after: BackOfficeCaseDetail) => {
    const d = deciding;
    setDeciding(null);
    replace(after);
    if (d) void message.success(t('boUi.decide.done', { decision: t(`backoffice.decision.${d}`) }));
  };

  return (
    <div data-testid="bo-case" style={{ background: '#fff', borderRadius: 6, padding: '10px 14px 12px' }}>
      <Flex justify="space-between" align="center" gap={12}>
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('boUi.back')}
          </Button>
          <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 15 }} data-testid="bo-case-no">
            {detail.caseNo}
          </Typography.Text>
          <StageTag stage={detail.stage} />
          <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }} data-testid="bo-enterprise">
            {detail.enterpriseName}
          </Typography.Text>
        </Flex>
      </Flex>

      <Flex gap={8} wrap className="bo-decisions" style={{ margin: '10px 0' }} data-testid="bo-decision-bar">
        {BACK_OFFICE_DECISIONS.map((d) => (
          <Button
            key={d}
            type={allowed.has(d) ? 'primary' : 'default'}
            danger={d === 'review_returned' && allowed.has(d)}
            disabled={!allowed.has(d)}
            onClick={() => setDeciding(d)}
            data-testid={`bo-decide-${d}`}
          >
            {t(`backoffice.decision.${d}`)}
            <kbd>{DECISION_KEY[d]}</kbd>
          </Button>
        ))}
        {detail.allowed.length === 0 && (
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="bo-no-decision">
            {t(detail.stage === 'returned' ? 'boUi.decide.waitReroute' : 'boUi.decide.finished')}
          </Typography.Text>
        )}
      </Flex>

      <Flex gap={12} align="start">
        <Flex vertical gap={12} style={{ flex: '1 1 0', minWidth: 0 }}>
          <Card size="small" title={t('boUi.case.facts')}>
            <Descriptions
              size="small"
              column={2}
              data-testid="bo-facts"
              items={[
                { key: 'company', label: t('appUi.col.enterprise'), children: `${detail.enterpriseName}（${detail.uscc}）`, span: 2 },
                { key: 'item', label: t('appUi.col.item'), children: `${detail.itemName}${t('common.separator')}${detail.department}`, span: 2 },
                { key: 'contact', label: t('boUi.case.contact'), children: `${detail.contactName} ${detail.contactPhone}` },
                {
                  key: 'accepted',
                  label: t('boUi.case.acceptedBy'),
                  children: detail.counterName ? `${detail.acceptedBy}（${detail.counterName}）` : detail.acceptedBy,
                },
                { key: 'routed', label: t('boUi.col.routedAt'), children: chineseDateTime(detail.routedAt) },
                {
                  key: 'due',
                  label: t('appUi.col.due'),
                  children: <DueCell c={detail} />,
                },
              ]}
            />
          </Card>
          <MaterialsCard materials={detail.materials} onView={(m) => void view(m)} />
        </Flex>
        <Flex vertical gap={12} style={{ width: 420, flex: 'none' }}>
          <Card size="small" title={t('boUi.case.decisions', { n: detail.decisions.length })} data-testid="bo-decisions" styles={{ body: { paddingBottom: 0 } }}>
            <DecisionsTimeline decisions={detail.decisions} />
          </Card>
          <Card size="small" title={t('boUi.case.counterHistory')} styles={{ body: { maxHeight: 'calc(100vh - 330px)', overflow: 'auto', paddingBottom: 0 } }}>
            <HistoryTimeline entries={detail.counterHistory} />
          </Card>
        </Flex>
      </Flex>
      <div className="bo-keys" style={{ marginTop: 8 }}>
        {t('boUi.caseKeys')}
      </div>

      <DecisionModal decision={deciding} detail={detail} onClose={() => setDeciding(null)} onDecided={decided} />
      <MaterialPdfModal file={pdf?.file ?? null} title={pdf ? t('appUi.pages.pdfTitle', { name: pdf.name, caseNo: detail.caseNo }) : ''} onClose={() => setPdf(null)} />
    </div>
  );
}
