import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { DECISIONS, LIMITS, type ApplicationDetail, type Decision } from '@shared/applications/schemas';
import { decisionProblem, type DecisionProblem } from '@shared/applications/workflow';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { api } from '../api/client';
import { useToday } from '../app/status-store';
import { useCalendarStore } from '../common/calendar-store';
import { DateField } from '../common/DateField';
import { errorData } from '../common/errors';
import { submitOnCtrlEnter } from '../common/keys';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { useWorkspace } from './workspace-context';

/** 容缺: the missing materials are due this many working days after today unless the clerk sets a date (as the core). */
export const DEFERRED_DAYS = 5;

/** Why the checklist does not allow a decision, in the catalogue's words (null: it does). */
export function problemText(p: DecisionProblem | null): string | null {
  if (!p) return null;
  if (p.code === 'MATERIALS_INCOMPLETE') return t('error.MATERIALS_INCOMPLETE', { names: p.names.join(t('common.listSeparator')) });
  return t(p.key, { names: p.names.join(t('common.listSeparator')) });
}

/**
 * 受理决定: 受理 / 容缺受理 (with the date the missing items are due) / 补正（一次性告知） / 不予受理
 * (reason required). A decision the checklist does not allow is disabled, with the reason; the core
 * checks again. Ctrl+Enter decides.
 */
export function DecisionPanel({ onDecided }: { onDecided(after: ApplicationDetail, decision: Decision): void }) {
  const { application, replace } = useWorkspace();
  const today = useToday();
  const calendar = useCalendarStore((s) => s.calendar);
  // the checklist's marks are what matter (a new detail object with the same marks changes nothing)
  const marks = application.materials.map((m) => `${m.id}:${m.state}`).join();
  const problems = useMemo(() => {
    const checklist = application.materials.map((m) => ({ name: m.name, required: m.required, deferrable: m.deferrable, state: m.state }));
    return Object.fromEntries(DECISIONS.map((d) => [d, problemText(decisionProblem(d, checklist))])) as Record<Decision, string | null>;
  }, [marks]);
  const suggested = (DECISIONS.find((d) => d !== 'refuse' && !problems[d]) ?? null) as Decision | null;
  const [decision, setDecision] = useState<Decision | null>(suggested);
  const defaultDue = today ? calendar.addWorkingDays(today, DEFERRED_DAYS) : '';
  const [deferredDue, setDeferredDue] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { busy, run } = useSubmitOnce();

  // a new mark may make another decision the natural one
  useEffect(() => {
    setDecision((d) => (d && !problems[d] ? d : suggested));
  }, [problems, suggested]);

  const decide = () =>
    run(async () => {
      setFailure(null);
      if (!decision) return;
      if (decision === 'refuse' && !reason.trim()) {
        setReasonError(t('application.reasonRequired'));
        return;
      }
      try {
        const after = await api.applicationDecide({
          id: application.id,
          decision,
          reason: reason.trim(),
          ...(decision === 'accept_deferred' ? { deferredDue: deferredDue || defaultDue } : {}),
        });
        replace(after);
        onDecided(after, decision);
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        setFailure([data.fields?.length ? data.fields.map((f) => f.message).join(' ') : data.message].join(' '));
      }
    });

  const pendingNames = application.materials.filter((m) => m.state === 'pending').map((m) => m.name);

  return (
    <Card size="small" title={t('appUi.decide.title')} data-testid="decision-panel" styles={{ body: { paddingBottom: 8 } }}>
      <div onKeyDown={submitOnCtrlEnter(() => void decide())}>
        {pendingNames.length > 0 && (
          <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('appUi.decide.pending', { n: pendingNames.length, names: pendingNames.join(t('common.listSeparator')) })} />
        )}
        <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value as Decision)} style={{ width: '100%' }} aria-label={t('appUi.decide.title')}>
          <Flex vertical gap={4}>
            {DECISIONS.map((d) => (
              <div key={d} data-testid={`decision-${d}`}>
                <Radio value={d} disabled={!!problems[d]}>
                  <Typography.Text strong={decision === d}>{t(`appUi.decide.${d}`)}</Typography.Text>
                </Radio>
                {problems[d] && d !== 'refuse' && pendingNames.length === 0 && (
                  <div style={{ marginInlineStart: 24, fontSize: 12, color: 'rgba(0,0,0,0.5)' }} data-testid={`decision-${d}-why`}>
                    {problems[d]}
                  </div>
                )}
              </div>
            ))}
          </Flex>
        </Radio.Group>
        {decision === 'accept_deferred' && (
          <Form.Item label={t('appUi.decide.deferredDue')} help={t('appUi.decide.deferredDefault', { days: DEFERRED_DAYS, date: defaultDue ? formatChineseDate(defaultDue) : '' })} style={{ margin: '8px 0 4px' }}>
            <DateField value={deferredDue || defaultDue} onChange={setDeferredDue} min={today} aria-label={t('appUi.decide.deferredDue')} style={{ width: 220 }} />
          </Form.Item>
        )}
        {decision && (
          <Form.Item
            label={decision === 'refuse' ? t('appUi.decide.reason') : t('appUi.decide.note')}
            required={decision === 'refuse'}
            validateStatus={reasonError ? 'error' : undefined}
            help={reasonError ?? undefined}
            style={{ margin: '8px 0 4px' }}
            layout="vertical"
          >
            <Input.TextArea
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
              maxLength={LIMITS.reason}
              autoSize={{ minRows: 1, maxRows: 3 }}
              aria-label={decision === 'refuse' ? t('appUi.decide.reason') : t('appUi.decide.note')}
              placeholder={decision === 'refuse' ? t('appUi.decide.reasonPlaceholder') : undefined}
            />
          </Form.Item>
        )}
        {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ margin: '8px 0' }} />}
        <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {decision ? t(`appUi.decide.issues.${decision}`) : ''}
          </Typography.Text>
          <Button type="primary" danger={decision === 'refuse'} disabled={!decision} loading={busy} onClick={() => void decide()} data-testid="decide">
            {decision ? t('appUi.decide.submit', { decision: t(`appUi.decide.${decision}`) }) : t('appUi.decide.choose')}
          </Button>
        </Flex>
      </div>
    </Card>
  );
}
