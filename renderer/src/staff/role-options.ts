import { ROLES } from '@shared/accounts/roles';
import { t } from '@shared/i18n';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
