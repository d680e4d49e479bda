import type { FormRule as Rule } from 'antd';
import { t, type MessageKey } from '@shared/i18n';

/** "请填写“工号”。" — the same wording the core uses. */
export const required = (field: MessageKey): Rule => ({ required: true, whitespace: true, message: t('error.FIELD_REQUIRED', { field: t(field) }) });
