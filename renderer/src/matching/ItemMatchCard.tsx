import { Card, Col, Descriptions, Flex, Row, Table, Tag, Typography } from 'antd';
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

const columns = [
  { title: t('matching.col.condition'), dataIndex: 'description' },
  { title: t('matching.col.result'), dataIndex: 'status', width: 80, render: (s: ConditionCheck['status']) => <CheckStatus status={s} /> },
  { title: t('matching.col.actual'), dataIndex: 'actual', width: 200 },
];

/** One item for one company: what it is, where to apply, and each condition with the value used. */
export function ItemMatchCard({ match, onOpenPolicy }: { match: ItemMatch; onOpenPolicy?(policyId: string): void }) {
  const { item, policy, checks } = match;
  return (
    <Card size="small" style={{ marginBottom: 10 }} data-testid="item-match">
      <Row gutter={16}>
        <Col span={10}>
          <Flex align="center" gap={6} wrap>
            <Typography.Text strong style={{ fontSize: 15 }} data-testid="item-match-name">
              {item.name}
            </Typography.Text>
            <DeliveryTag mode={item.deliveryMode} />
            {item.openForApplication ? <Tag color="success">{t('policyItem.openNow')}</Tag> : <Tag>{t('policyItem.closedNow')}</Tag>}
          </Flex>
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
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 72 } }}
            items={[
              { key: 'amount', label: t('policyItem.amount'), children: item.amount || t('policyItem.noAmount') },
              { key: 'window', label: t('policyItem.windowLabel'), children: windowText(item.window) },
              { key: 'dept', label: t('policyItem.department'), children: [item.department, item.contactPhone].filter(Boolean).join(t('common.separator')) },
            ]}
          />
        </Col>
        <Col span={14}>
          <Table<ConditionCheck>
            size="small"
            rowKey={(c, i) => `${i}-${c.description}`}
            pagination={false}
            columns={columns}
            dataSource={checks}
            locale={{ emptyText: t('matching.noChecks') }}
            data-testid="item-match-checks"
          />
          {item.freeConditions.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
              {t('matching.freeConditions', { list: item.freeConditions.join(t('common.listSeparator')) })}
            </Typography.Paragraph>
          )}
        </Col>
      </Row>
    </Card>
  );
}
