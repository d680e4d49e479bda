import { useEffect, useState } from 'react';
import { Spin, Typography } from 'antd';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { chineseDateTime } from '../common/format';
import { useDebounced } from '../common/useDebounced';
import { useReportError } from '../common/useReportError';
import { ResultTag } from '../consultations/ResultTag';
import { TicketCell } from '../consultations/TicketCell';

const { Text } = Typography;

/** Earlier calls from the number being typed, looked up as soon as the typing pauses. */
export function CallerHistory({ callerNumber, excludeId }: { callerNumber: string; excludeId?: string }) {
  const settled = useDebounced(callerNumber.trim(), 300);
  const [found, setFound] = useState<{ number: string; calls: Consultation[] } | null>(null);
  const report = useReportError();

  useEffect(() => {
    if (!settled) return;
    let current = true;
    api
      .callsByNumber({ callerNumber: settled })
      .then((calls) => current && setFound({ number: settled, calls }))
      .catch((e: unknown) => current && report(e));
    return () => {
      current = false;
    };
  }, [settled, report]);

  if (!settled || !callerNumber.trim()) return <Text type="secondary">{t('hotline.historyHint')}</Text>;
  if (!found || found.number !== settled) return <Spin size="small" />;
  const calls = found.calls.filter((c) => c.id !== excludeId);
  if (!calls.length) return <Text type="secondary">{t('hotline.noHistory')}</Text>;
  return (
    <ol data-testid="caller-history" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {calls.map((c) => (
        <li key={c.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Text type="secondary" style={{ fontSize: 12 }}>
              {chineseDateTime(c.createdAt)}
            </Text>
            <ResultTag result={c.result} />
          </div>
          <Text ellipsis={{ tooltip: c.question }} style={{ display: 'block' }}>
            {c.question}
          </Text>
          <TicketCell c={c} />
        </li>
      ))}
    </ol>
  );
}
