import { App, Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CopyOutlined, LinkOutlined, TeamOutlined } from '@ant-design/icons';
import type { PolicyItemView } from '@shared/policies/api-schemas';
import type { Material } from '@shared/policies/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { copyText } from '../common/clipboard';
import { DeliveryTag } from './PolicyTags';

const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));

const materialColumns = [
  { title: t('material.name'), dataIndex: 'name', render: (v: string, m: Material) => (m.note ? <>{v}<Typography.Text type="secondary">{t('material.note', { note: m.note })}</Typography.Text></> : v) },
  { title: t('material.form'), dataIndex: 'form', width: 72, render: (v: Material['form']) => t(`materialForm.${v}`) },
  { title: t('material.copies'), dataIndex: 'copies', width: 56, align: 'right' as const },
  { title: t('material.required'), dataIndex: 'required', width: 56, render: (v: boolean) => (v ? <Tag color="red">{t('material.requiredYes')}</Tag> : t('material.requiredNo')) },
  { title: t('material.deferrable'), dataIndex: 'deferrable', width: 68, render: (v: boolean) => (v ? <Tag color="green">{t('material.deferrableYes')}</Tag> : yesNo(false)) },
];

/** 申报时间: 2026年3月1日 至 2026年9月30日, or 常年受理. */
export const windowText = (w: PolicyItemView['window']) =>
  w ? t('policyItem.window', { start: formatChineseDate(w.start), end: formatChineseDate(w.end) }) : t('policyItem.allYear');

interface Props {
  item: PolicyItemView;
  /** 关联到当前咨询/来电, when a form is open */
  linkLabel?: string;
  linked?: boolean;
  onLink?(): void;
  /** 符合条件的企业 (business / backoffice / manager) */
  onCompanies?(): void;
}

/** One 申报事项: money, window, who handles it, the conditions, the materials and the key points. */
export function PolicyItemCard({ item, linkLabel, linked, onLink, onCompanies }: Props) {
  const { message } = App.useApp();
  const copy = async () => {
    if (await copyText(item.keyPoints)) void message.success(t('policy.keyPointsCopied'));
    else void message.error(t('policy.copyFailed'));
  };

  return (
    <Card
      size="small"
      data-testid="policy-item"
      title={
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {item.name}
          </Typography.Text>
          <DeliveryTag mode={item.deliveryMode} />
          {item.openForApplication ? <Tag color="success">{t('policyItem.openNow')}</Tag> : <Tag>{t('policyItem.closedNow')}</Tag>}
          {item.needsExpertReview && <Tag color="orange">{t('policyItem.expertReview')}</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={6}>
          {onCompanies && (
            <Button size="small" icon={<TeamOutlined />} onClick={onCompanies}>
              {t('policyItem.companies')}
            </Button>
          )}
          {onLink && (
            <Button size="small" type={linked ? 'default' : 'primary'} icon={linked ? <CheckOutlined /> : <LinkOutlined />} disabled={linked} onClick={onLink}>
              {linked ? t('link.linked') : linkLabel}
            </Button>
          )}
        </Flex>
      }
      style={{ marginBottom: 12 }}
    >
      <Descriptions
        size="small"
        column={2}
        styles={{ label: { width: 96 } }}
        items={[
          { key: 'amount', label: t('policyItem.amount'), children: item.amount || t('policyItem.noAmount'), span: 2 },
          { key: 'window', label: t('policyItem.windowLabel'), children: windowText(item.window) },
          { key: 'delivery', label: t('policyItem.delivery'), children: t(`delivery.${item.deliveryMode}`) },
          { key: 'department', label: t('policyItem.department'), children: item.department },
          { key: 'phone', label: t('policyItem.phone'), children: item.contactPhone || t('policyItem.noPhone') },
          { key: 'days', label: t('policyItem.promisedDays'), children: item.promisedDays ? t('policyItem.workingDays', { n: item.promisedDays }) : t('policyItem.onTheSpot') },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '10px 0 4px' }}>
        {t('policyItem.conditions')}
      </Typography.Text>
      {item.conditionText.length + item.freeConditions.length === 0 ? (
        <Typography.Text type="secondary">{t('policyItem.noConditions')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.8 }} data-testid="item-conditions">
          {item.conditionText.map((c, i) => (
            <li key={`c${i}`} style={{ whiteSpace: 'pre-wrap' }}>
              {c}
            </li>
          ))}
          {item.freeConditions.map((c, i) => (
            <li key={`f${i}`}>
              {c} <Tag style={{ marginInlineStart: 4 }}>{t('policyItem.manualCheck')}</Tag>
            </li>
          ))}
        </ul>
      )}
      <Typography.Text strong style={{ display: 'block', margin: '10px 0 4px' }}>
        {t('policyItem.materials')}
      </Typography.Text>
      <Table<Material>
        size="small"
        rowKey={(m) => m.name}
        pagination={false}
        columns={materialColumns}
        dataSource={item.materials}
        locale={{ emptyText: t('policyItem.noMaterials') }}
        data-testid="item-materials"
      />
      {item.keyPoints && (
        <>
          <Flex justify="space-between" align="center" style={{ margin: '10px 0 4px' }}>
            <Typography.Text strong>{t('policyItem.keyPoints')}</Typography.Text>
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('policy.copyKeyPoints')}
            </Button>
          </Flex>
          <div className="pd-keypoints">
            <Typography.Paragraph className="pd-pre">{item.keyPoints}</Typography.Paragraph>
          </div>
        </>
      )}
    </Card>
  );
}
