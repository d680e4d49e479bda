import { Tag } from 'antd';
import type { BackOfficeStage } from '@shared/backoffice/api-schemas';
import { t } from '@shared/i18n';

const COLOR: Record<BackOfficeStage, string> = {
  pending: 'processing',
  approved: 'blue',
  expert_passed: 'cyan',
  expert_failed: 'error',
  publicized: 'purple',
  paid: 'success',
  returned: 'warning',
};

/** 待审核 / 审核通过 / 专家评审通过 / 专家评审未通过 / 公示中 / 已兑现 / 退回补正 */
export const StageTag = ({ stage }: { stage: BackOfficeStage }) => (
  <Tag color={COLOR[stage]} style={{ marginInlineEnd: 0 }} data-testid="bo-stage">
    {t(`backoffice.stage.${stage}`)}
  </Tag>
);
