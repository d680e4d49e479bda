export const ROLES = ['counter', 'hotline', 'business', 'backoffice', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];
