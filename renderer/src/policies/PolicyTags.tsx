import { Tag } from 'antd';
import type { PolicySummary } from '@shared/policies/api-schemas';
import type { DELIVERY_MODES } from '@shared/policies/schemas';
import { t } from '@shared/i18n';

const STATUS_COLOR: Record<PolicySummary['status'], string> = { active: 'green', expired: 'default', repealed: 'red' };
const CATEGORY_COLOR: Record<PolicySummary['category'], string> = { relief: 'cyan', award: 'gold', rights: 'purple', qualification: 'blue' };
const DELIVERY_COLOR: Record<(typeof DELIVERY_MODES)[number], string> = { no_application: 'magenta', instant: 'geekblue', commitment: 'orange' };

const tag = { marginInlineEnd: 4 };

export const StatusTag = ({ status }: { status: PolicySummary['status'] }) => (
  <Tag color={STATUS_COLOR[status]} style={tag} data-testid="policy-status">
    {t(`policyStatus.${status}`)}
  </Tag>
);

export const OpenTag = ({ open }: { open: boolean }) =>
  open ? (
    <Tag color="success" style={tag}>
      {t('policy.open')}
    </Tag>
  ) : null;

export const DeliveryTag = ({ mode }: { mode: (typeof DELIVERY_MODES)[number] }) => (
  <Tag color={DELIVERY_COLOR[mode]} style={tag}>
    {t(`delivery.${mode}`)}
  </Tag>
);

/** 层级 · 类别 · 状态 · 可申报, in that order everywhere a policy is named. */
export function PolicyTags({ policy }: { policy: Pick<PolicySummary, 'level' | 'category' | 'status' | 'openForApplication'> }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag style={tag} data-testid="policy-level">
        {t(`policyLevel.${policy.level}`)}
      </Tag>
      <Tag color={CATEGORY_COLOR[policy.category]} style={tag} data-testid="policy-category">
        {t(`policyCategory.${policy.category}`)}
      </Tag>
      <StatusTag status={policy.status} />
      <OpenTag open={policy.openForApplication} />
    </span>
  );
}
