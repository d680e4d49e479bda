import { memo } from 'react';
import { Tag, Typography } from 'antd';
import type { ConditionCheck, ItemMatch } from '@shared/matching/api-schemas';
import { t } from '@shared/i18n';
import { windowText } from '../policies/PolicyItemCard';
import { DeliveryTag } from '../policies/PolicyTags';
import '../common/lists.css';

const STATUS_CLASS: Record<ConditionCheck['status'], string> = { met: 'pd-check-met', unmet: 'pd-check-unmet', unknown: 'pd-check-unknown' };

export const CheckStatus = ({ status }: { status: ConditionCheck['status'] }) => (
  <span className={STATUS_CLASS[status]} data-testid={`check-${status}`}>
    {t(`matching.check.${status}`)}
  </span>
);

/**
 * One item for one company: what it is, where to apply, and each condition with the value used.
 * Plain markup (no antd Table per card): a company can have dozens of items on screen at once.
 */
export const ItemMatchCard = memo(function ItemMatchCard({ match, onOpenPolicy }: { match: ItemMatch; onOpenPolicy?(policyId: string): void }) {
  const { item, policy, checks } = match;
  return (
    <section className="pd-match" data-testid="item-match">
      <div className="pd-match-item">
        <div className="pd-match-head">
          <Typography.Text strong style={{ fontSize: 15 }} data-testid="item-match-name">
            {item.name}
          </Typography.Text>
          <DeliveryTag mode={item.deliveryMode} />
          {item.openForApplication ? <Tag color="success">{t('policyItem.openNow')}</Tag> : <Tag>{t('policyItem.closedNow')}</Tag>}
        </div>
        <div style={{ margin: '2px 0 6px' }}>
          {onOpenPolicy ? (
            <Typography.Link onClick={() => onOpenPolicy(policy.id)} style={{ fontSize: 13 }}>
              {policy.title}
            </Typography.Link>
          ) : (
            <Typography.Text style={{ fontSize: 13 }}>{policy.title}</Typography.Text>
          )}
          {policy.docNo && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {policy.docNo}
            </Typography.Text>
          )}
        </div>
        <dl className="pd-facts">
          <dt>{t('policyItem.amount')}</dt>
          <dd>{item.amount || t('policyItem.noAmount')}</dd>
          <dt>{t('policyItem.windowLabel')}</dt>
          <dd>{windowText(item.window)}</dd>
          <dt>{t('policyItem.department')}</dt>
          <dd>{[item.department, item.contactPhone].filter(Boolean).join(t('common.separator'))}</dd>
        </dl>
      </div>
      <div className="pd-match-checks">
        <table className="pd-checks" data-testid="item-match-checks">
          <thead>
            <tr>
              <th>{t('matching.col.condition')}</th>
              <th style={{ width: 84 }}>{t('matching.col.result')}</th>
              <th style={{ width: 200 }}>{t('matching.col.actual')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.length ? (
              checks.map((c, i) => (
                <tr key={i}>
                  <td>{c.description}</td>
                  <td>
                    <CheckStatus status={c.status} />
                  </td>
                  <td>{c.actual}</td>
                </tr>
              ))
            ) : (
              <tr>
                <td colSpan={3} style={{ color: 'rgba(0,0,0,0.45)' }}>
                  {t('matching.noChecks')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {item.freeConditions.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
            {t('matching.freeConditions', { list: item.freeConditions.join(t('common.listSeparator')) })}
          </Typography.Paragraph>
        )}
      </div>
    </section>
  );
});
