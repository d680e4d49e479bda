import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Col, Empty, Row } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { usePageCommands } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { useCalendarStore } from '../common/calendar-store';
import { submitOnCtrlEnter } from '../common/keys';
import { useReportError } from '../common/useReportError';
import { ConsultationDetailDrawer } from '../consultations/ConsultationDetailDrawer';
import { MatchDrawer } from '../matching/MatchDrawer';
import { PolicyLinkPanel } from '../policies/PolicyLinkPanel';
import { linkKeys } from '../policies/link-actions';
import { useCopyKeyPoints } from '../policies/useCopyKeyPoints';
import { CallBar } from './CallBar';
import { CallerHistory } from './CallerHistory';
import { CallForm } from './CallForm';
import { useHotlineStore } from './hotline-store';
import { TodayCallsTable } from './TodayCallsTable';

/** 热线来电: take a call (Ctrl+N), log it while talking, end and save (Ctrl+Enter); today's calls below. */
export function HotlinePage() {
  const staff = useStaff();
  const { message } = App.useApp();
  const report = useReportError();
  const { call, lastEnded, todayCalls, loadingToday, startCall, resumeCall, callEnded, loadToday } = useHotlineStore();
  const callerNumber = useHotlineStore((s) => s.draft.callerNumber ?? '');
  const endCall = useRef<(() => void) | null>(null);
  const [starting, setStarting] = useState(false);
  const [detail, setDetail] = useState<Consultation | null>(null);
  const mayTakeCalls = !!staff && can(staff.roles, 'hotline');
  const mayMatch = !!staff && can(staff.roles, 'counter', 'hotline', 'business', 'manager');
  const [uscc, setUscc] = useState<string | null>(null);
  const [matchFor, setMatchFor] = useState<string | null>(null);
  const copyKeyPoints = useCopyKeyPoints();
  const match = () => uscc && setMatchFor(uscc);

  useEffect(() => {
    loadToday().catch(report);
    if (mayTakeCalls) resumeCall().catch(report);
    useCalendarStore.getState().ensureLoaded().catch(report);
  }, [loadToday, resumeCall, mayTakeCalls, report]);

  const takeCall = async () => {
    if (useHotlineStore.getState().call) return void message.warning(t('hotline.alreadyInCall'));
    setStarting(true);
    try {
      await startCall();
    } catch (e) {
      report(e);
    } finally {
      setStarting(false);
    }
  };
  usePageCommands({ create: mayTakeCalls ? () => void takeCall() : undefined });

  const ended = (saved: Consultation | null) => {
    callEnded(saved);
    loadToday().catch(report);
  };

  return (
    <div
      onKeyDown={
        call
          ? (e) => {
              submitOnCtrlEnter(() => endCall.current?.())(e);
              linkKeys({ onCopy: () => void copyKeyPoints(), onMatch: mayMatch ? match : undefined })(e);
            }
          : undefined
      }
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      <CallBar call={call} lastEnded={lastEnded} mayTakeCalls={mayTakeCalls} starting={starting} onStart={() => void takeCall()} />
      <Row gutter={12}>
        <Col span={15}>
          <Card
            size="small"
            title={t('hotline.callRecord')}
            extra={
              call &&
              mayMatch && (
                <Button size="small" icon={<CalculatorOutlined />} disabled={!uscc} onClick={match} title={uscc ? undefined : t('matching.needUscc')}>
                  {t('matching.buttonKey')}
                </Button>
              )
            }
          >
            {call ? (
              <CallForm key={call.id} submitRef={endCall} call={call} onEnded={ended} onUsccChange={setUscc} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.noCall')} />
            )}
          </Card>
        </Col>
        <Col span={9}>
          <Card size="small" title={t('hotline.history')} data-testid="history-panel">
            {/* one per call: a second call from the same number typed at once looks it up afresh,
                with the call just saved (the debounced number would not change between them) */}
            <CallerHistory key={call?.id ?? 'no-call'} callerNumber={call ? callerNumber : ''} excludeId={call?.id} />
          </Card>
          {call && (
            <Card size="small" title={t('link.panelTitle')} style={{ marginTop: 12 }}>
              <PolicyLinkPanel maxHeight={360} />
            </Card>
          )}
        </Col>
      </Row>
      <Card size="small" title={t('hotline.todayCalls')} styles={{ body: { padding: 0 } }}>
        <TodayCallsTable items={todayCalls} loading={loadingToday} onOpen={setDetail} />
      </Card>
      <ConsultationDetailDrawer record={detail} canEdit={false} onEdit={() => undefined} onClose={() => setDetail(null)} />
      {mayMatch && <MatchDrawer uscc={matchFor} onClose={() => setMatchFor(null)} />}
    </div>
  );
}
