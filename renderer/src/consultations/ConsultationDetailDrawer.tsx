import { useState } from 'react';
import { Button, Descriptions, Drawer, Flex, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate, formatDuration } from '@shared/time/china-time';
import { chineseDateTime } from '../common/format';
import { ResultTag } from './ResultTag';
import { useOverlay } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { MatchDrawer } from '../matching/MatchDrawer';
import { PolicyDetailDrawer } from '../policies/PolicyDetailDrawer';

interface Props {
  record: Consultation | null;
  canEdit: boolean;
  onEdit(c: Consultation): void;
  onClose(): void;
}

const multiline = (s: string) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s}</Typography.Paragraph>;

/** One consultation as recorded; 修改 only on the day it was logged, by whoever logged it. */
export function ConsultationDetailDrawer({ record, canEdit, onEdit, onClose }: Props) {
  useOverlay(!!record);
  const staff = useStaff();
  const mayMatch = !!staff && can(staff.roles, 'counter', 'hotline', 'business', 'manager');
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [matchFor, setMatchFor] = useState<string | null>(null);
  const c = record;
  const items = c
    ? [
        { key: 'channel', label: t('consult.channel'), children: t(`channel.${c.channel}`) },
        ...(c.callerNumber ? [{ key: 'caller', label: t('field.callerNumber'), children: c.callerNumber }] : []),
        { key: 'uscc', label: t('field.uscc'), children: c.uscc },
        { key: 'enterpriseName', label: t('field.enterpriseName'), children: c.enterpriseName || t('consult.anonymous') },
        { key: 'contact', label: t('field.contactName'), children: c.contactName },
        { key: 'phone', label: t('field.contactPhone'), children: c.contactPhone },
        { key: 'question', label: t('field.question'), children: multiline(c.question) },
        { key: 'category', label: t('field.category'), children: t(`category.${c.category}`) },
        ...(c.policyLinks.length
          ? [{ key: 'policyLinks', label: t('field.policyLinks'), children: <LinkList links={c.policyLinks} onOpen={setPolicyId} /> }]
          : []),
        { key: 'policies', label: t('field.policiesReferred'), children: c.policiesReferred },
        { key: 'answer', label: t('field.answer'), children: multiline(c.answer) },
        { key: 'result', label: t('field.result'), children: <ResultTag result={c.result} /> },
        ...(c.complexity ? [{ key: 'complexity', label: t('field.complexity'), children: t(`complexity.${c.complexity}`) }] : []),
        ...(c.transferTo ? [{ key: 'transferTo', label: t('field.transferTo'), children: c.transferTo }] : []),
        ...(c.ticketNo ? [{ key: 'ticket', label: t('ticket.no'), children: c.ticketNo }] : []),
        ...(c.dueDate ? [{ key: 'due', label: t('field.dueDate'), children: formatChineseDate(c.dueDate) }] : []),
        ...(c.durationSeconds !== null ? [{ key: 'duration', label: t('hotline.duration'), children: formatDuration(c.durationSeconds) }] : []),
        { key: 'minutes', label: t('field.minutesSpent'), children: c.minutesSpent ? t('common.minutes', { n: c.minutesSpent }) : '' },
        { key: 'createdBy', label: t('common.createdBy'), children: c.createdBy.displayName },
        { key: 'createdAt', label: t('common.createdAt'), children: chineseDateTime(c.createdAt) },
        ...(c.updatedAt !== c.createdAt ? [{ key: 'updatedAt', label: t('common.updatedAt'), children: chineseDateTime(c.updatedAt) }] : []),
      ]
    : [];

  return (
    <Drawer
      open={!!record}
      onClose={onClose}
      title={t('consult.detail')}
      size={600}
      footer={
        <Flex gap={8} justify="flex-end">
          {c && c.uscc && mayMatch && (
            <Button icon={<CalculatorOutlined />} onClick={() => setMatchFor(c.uscc)}>
              {t('matching.button')}
            </Button>
          )}
          {c && canEdit && (
            <Button type="primary" onClick={() => onEdit(c)}>
              {t('common.edit')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Flex>
      }
    >
      <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 140 } }} />
      <PolicyDetailDrawer policyId={policyId} onClose={() => setPolicyId(null)} />
      {mayMatch && <MatchDrawer uscc={matchFor} onClose={() => setMatchFor(null)} />}
    </Drawer>
  );
}

/** The library's policies the answer referred to; a click opens the policy. */
function LinkList({ links, onOpen }: { links: Consultation['policyLinks']; onOpen(policyId: string): void }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="consultation-policy-links">
      {links.map((l) => (
        <li key={`${l.policyId}/${l.itemId ?? ''}`}>
          <Typography.Link onClick={() => onOpen(l.policyId)}>{l.title}</Typography.Link>
          {l.itemName && <Typography.Text>{`${t('common.separator')}${l.itemName}`}</Typography.Text>}
          {l.docNo && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {l.docNo}
            </Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}
