import { Tag } from 'antd';
import type { ApplicationState, MaterialState } from '@shared/applications/schemas';
import { t } from '@shared/i18n';

const STATE_COLOR: Record<ApplicationState, string> = {
  receiving: 'processing',
  correction: 'warning',
  accepted: 'blue',
  refused: 'error',
  routed: 'purple',
  delivered: 'success',
};

/** 收件中 / 待补正 / 已受理 / 不予受理 / 已流转 / 已送达 */
export const ApplicationStateTag = ({ state }: { state: ApplicationState }) => (
  <Tag color={STATE_COLOR[state]} style={{ marginInlineEnd: 0 }} data-testid="application-state">
    {t(`application.state.${state}`)}
  </Tag>
);

const MATERIAL_COLOR: Record<MaterialState, string> = { pending: 'default', present: 'success', missing: 'error', defective: 'warning' };

/** 待核验 / 齐全 / 缺少 / 有误 */
export const MaterialStateTag = ({ state }: { state: MaterialState }) => (
  <Tag color={MATERIAL_COLOR[state]} style={{ marginInlineEnd: 0, minWidth: 52, textAlign: 'center' }} data-testid="material-state">
    {t(`application.material.${state}`)}
  </Tag>
);
